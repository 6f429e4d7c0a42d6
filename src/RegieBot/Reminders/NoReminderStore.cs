using RegieBot.Domain.Reminders;

namespace RegieBot.Reminders;

/// <summary>
/// Until the reminder schedule exists there are no reminders to stop. Registered only when no
/// <see cref="IReminderStore"/> is; the schedule's own store replaces it.
/// </summary>
internal sealed class NoReminderStore : IReminderStore
{
    public Task CancelAsync(string kaartId, CancellationToken cancellationToken) => Task.CompletedTask;
}
