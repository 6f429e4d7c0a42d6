namespace RegieBot.Domain.Reminders;

/// <summary>What happened to the latest reminder of a kaart and kind (for status and for handling answers).</summary>
public sealed record ReminderState(string KaartId, ReminderKind Kind, ReminderStatus Status, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? SentActivityId);

/// <summary>A reminder the audit must schedule again: <paramref name="ScheduledAt"/> is the moment its pointer still names (its due row gone), null when there is no pointer.</summary>
public sealed record LostReminder(DateTimeOffset? ScheduledAt);
