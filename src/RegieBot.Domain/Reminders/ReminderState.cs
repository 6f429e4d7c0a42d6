namespace RegieBot.Domain.Reminders;

/// <summary>What happened to the latest reminder of a kaart and kind (for status and for handling answers).</summary>
public sealed record ReminderState(string KaartId, ReminderKind Kind, ReminderStatus Status, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? SentActivityId);
