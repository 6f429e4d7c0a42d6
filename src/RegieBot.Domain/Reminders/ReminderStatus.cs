namespace RegieBot.Domain.Reminders;

public enum ReminderStatus
{
    Scheduled = 0,
    Sent = 1,
    Undeliverable = 2,
    Cancelled = 3,
}
