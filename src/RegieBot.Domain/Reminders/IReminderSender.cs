namespace RegieBot.Domain.Reminders;

/// <summary>Posts a due reminder into its thread and says how that went.</summary>
public interface IReminderSender
{
    Task<ReminderDelivery> SendAsync(Reminder reminder, CancellationToken cancellationToken);
}
