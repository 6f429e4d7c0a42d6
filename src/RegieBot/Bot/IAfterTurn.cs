namespace RegieBot.Bot;

/// <summary>
/// Work a turn leaves for after its answer: it runs in the background on a token of its own, serialised per
/// <c>key</c> within the instance, and is never waited for by the request. What it writes must be safe to lose in a
/// crash (the next turn or the outbox sweep writes it again).
/// </summary>
internal interface IAfterTurn
{
    void Run(string key, Func<CancellationToken, Task> work);
}
