namespace RegieBot.IntegrationTests.Reminders;

/// <summary>
/// Real time with real timers, plus a jump forward on demand: for a whole host whose reminders a test wants due now.
/// Given a start, the clock begins at that moment instead of the real date (and then runs at real speed), so a test
/// that depends on the day of the week gives the same result on every day it runs.
/// </summary>
internal sealed class MovableTime(DateTimeOffset? start = null) : TimeProvider
{
    private long _offsetTicks = start is { } at ? (at - System.GetUtcNow()).Ticks : 0;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
