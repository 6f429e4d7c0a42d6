namespace RegieBot.IntegrationTests.Reminders;

/// <summary>
/// A clock that starts at a chosen moment and then runs at real speed, with real timers: for tests that need
/// "now" to be a date of their choosing while delays (pacing) really pass.
/// </summary>
internal sealed class ShiftedTime(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started);
}
