namespace RegieBot.Domain.Kaarten;

/// <summary>An escalation (<c>opschalen</c>) as recorded: who (their Teams/Entra id), why, and when.</summary>
public sealed record Escalation(string By, string Reason, DateTimeOffset At);
