namespace RegieBot.Domain.Outbox;

/// <summary>
/// An intent in the work table: the kaart may have outbox items left (<see cref="Erase"/> false), or the casus is to be
/// erased everywhere (a tombstone). Written before the operation's commit, so a crash anywhere leaves a way back to it;
/// the sweep finds intents without reading any kaart.
/// </summary>
public sealed record PendingWork(string KaartId, bool Erase, DateTimeOffset NotBefore)
{
    public int Attempts { get; init; }

    /// <summary>For a tombstone: the message the caller updated itself, which the erasure leaves alone.</summary>
    public string? KeepActivityId { get; init; }

    /// <summary>For a tombstone: what the bot's messages about the casus say instead (it names nothing of the casus).</summary>
    public string? Notice { get; init; }

    public string? ETag { get; init; }
}
