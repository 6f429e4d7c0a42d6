namespace RegieBot.IntegrationTests.Reminders;

/// <summary>Real time with real timers, plus a jump forward on demand: for a whole host whose reminders a test wants due now.</summary>
internal sealed class MovableTime : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
