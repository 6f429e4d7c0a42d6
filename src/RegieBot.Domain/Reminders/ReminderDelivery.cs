namespace RegieBot.Domain.Reminders;

public enum ReminderDeliveryOutcome
{
    Sent = 0,

    /// <summary>Throttled or a server fault (429, 5xx): try again later.</summary>
    RetryLater = 1,

    /// <summary>The bot was removed or the thread is gone (403, 404): do not try again.</summary>
    Undeliverable = 2,

    /// <summary>The kaart was closed or deleted meanwhile: nothing to remind of.</summary>
    Obsolete = 3,
}

/// <param name="FollowUp">What a sent reminder schedules next (after an evaluation: its escalation), scheduled in the
/// same write that marks it sent, so a send that lost the race to a move schedules nothing.</param>
public sealed record ReminderDelivery(ReminderDeliveryOutcome Outcome, string? ActivityId = null, Reminder? FollowUp = null);
