namespace RegieBot.Domain.Kaarten;

/// <summary>An escalation (<c>opschalen</c>) as recorded: who (their Teams/Entra id), why, and when.</summary>
public sealed record Escalation(string By, string Reason, DateTimeOffset At)
{
    /// <summary>Who escalated when the bot did (an evaluation nobody answered within a week).</summary>
    public const string BotActor = "regiebot";
}
