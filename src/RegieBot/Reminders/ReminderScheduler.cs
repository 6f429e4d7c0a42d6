using Microsoft.Extensions.Options;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Reminders;

/// <summary>Keeps a kaart's evaluation reminder in step with the kaart: scheduled on every save, cancelled on every answer.</summary>
internal sealed class ReminderScheduler(IReminderStore reminders, IOptions<ReminderOptions> options)
{
    public async Task ScheduleEvaluationAsync(Kaart kaart, string? botId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        await reminders.CancelAsync(kaart.Id, ReminderKind.Escalatie, cancellationToken);
        await reminders.ScheduleAsync(new Reminder
        {
            KaartId = kaart.Id,
            Kind = ReminderKind.Evaluatie,
            DueAt = options.Value.Schedule.EvaluationDue(kaart.Content, kaart.UpdatedAt),
            ServiceUrl = kaart.Location.ServiceUrl,
            ThreadId = kaart.Location.ThreadId,
            TenantId = kaart.Location.TenantId,
            TeamId = kaart.Location.TeamId,
            BotId = botId,
        }, cancellationToken);
    }

    public async Task PostponeAsync(Kaart kaart, DateTimeOffset now, string? botId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        await reminders.CancelAsync(kaart.Id, ReminderKind.Escalatie, cancellationToken);
        await reminders.ScheduleAsync(new Reminder
        {
            KaartId = kaart.Id,
            Kind = ReminderKind.Evaluatie,
            DueAt = options.Value.Schedule.Later(now),
            ServiceUrl = kaart.Location.ServiceUrl,
            ThreadId = kaart.Location.ThreadId,
            TenantId = kaart.Location.TenantId,
            TeamId = kaart.Location.TeamId,
            BotId = botId,
        }, cancellationToken);
    }

    /// <summary>Someone answered the evaluation (bijwerken, afsluiten): no escalation.</summary>
    public Task AnsweredAsync(string kaartId, CancellationToken cancellationToken) =>
        reminders.CancelAsync(kaartId, ReminderKind.Escalatie, cancellationToken);
}
