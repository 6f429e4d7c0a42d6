namespace RegieBot.Domain.Reminders;

/// <summary>
/// The reminder schedule. Finding what is due is a range query over due reminders only; claiming is a
/// conditional write, so several instances never send the same reminder.
/// </summary>
public interface IReminderStore
{
    /// <summary>Schedules (or reschedules) the reminder of this kaart and kind, replacing the previous one.</summary>
    Task ScheduleAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Due reminders (DueAt at or before <paramref name="now"/>), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Reminder>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Claims a due reminder until <paramref name="leaseUntil"/>; null when another instance claimed it first.</summary>
    Task<Reminder?> TryClaimAsync(Reminder due, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    // The three outcomes of a claim are written on the kaart's pointer as the claim read it. Each returns false when the
    // pointer changed since (the reminder was moved, cancelled or erased meanwhile): then the newer state stands, the
    // claimed due row is gone, and nothing of this outcome is kept.

    /// <summary>Marks the claimed reminder sent and, in the same write, schedules <paramref name="followUp"/> (if any).</summary>
    Task<bool> MarkSentAsync(Reminder claimed, string? activityId, DateTimeOffset sentAt, Reminder? followUp, CancellationToken cancellationToken);

    /// <summary>A delivery that may work later (429, 5xx): try again at <paramref name="retryAt"/>.</summary>
    Task<bool> RetryLaterAsync(Reminder claimed, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>A delivery that will not work (403, 404: bot removed, thread gone): stop.</summary>
    Task<bool> MarkUndeliverableAsync(Reminder claimed, CancellationToken cancellationToken);

    /// <summary>
    /// A claimed reminder that is no longer needed (its kaart is closed or erased): its due row goes, and its
    /// pointer, only if it still exists and names that row, says Cancelled. Nothing of an erased kaart is written again.
    /// </summary>
    Task DropAsync(Reminder claimed, CancellationToken cancellationToken);

    /// <summary>Cancels the scheduled reminder(s) of a kaart: one kind, or all when <paramref name="kind"/> is null.</summary>
    Task CancelAsync(string kaartId, ReminderKind? kind, CancellationToken cancellationToken);

    Task<ReminderState?> GetStateAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// True when the kaart has no reminder of this kind at all, or one that says it is scheduled while the due row it
    /// names is gone (what the daily audit repairs).
    /// </summary>
    Task<bool> IsLostAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// What <see cref="IsLostAsync"/> asks, with what the repair needs from the same read of the pointer: null when the
    /// reminder is in step, else the lost reminder (with the moment a scheduled pointer still names). The daily audit
    /// reads each pointer once this way.
    /// </summary>
    Task<LostReminder?> FindLostAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken);
}
