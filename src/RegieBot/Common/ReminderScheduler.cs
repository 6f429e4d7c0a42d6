using Microsoft.Extensions.Options;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Common;

/// <summary>Keeps a kaart's evaluation reminder in step with the kaart: scheduled on every save, cancelled on every answer.</summary>
internal sealed class ReminderScheduler(IReminderStore reminders, IOptions<ReminderOptions> options)
{
    /// <summary>The evaluation reminder of an active kaart, at <paramref name="postponedTo"/> or else the kaart's own moment; no escalation.</summary>
    public async Task ScheduleEvaluationAsync(Kaart kaart, string? botId, DateTimeOffset? postponedTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        await reminders.CancelAsync(kaart.Id, ReminderKind.Escalation, cancellationToken);
        await reminders.ScheduleAsync(new Reminder
        {
            KaartId = kaart.Id,
            Kind = ReminderKind.Evaluatie,
            DueAt = postponedTo ?? options.Value.Schedule.EvaluationDue(kaart.Content, kaart.UpdatedAt),
            ServiceUrl = kaart.Location.ServiceUrl,
            ThreadId = kaart.Location.ThreadId,
            TenantId = kaart.Location.TenantId,
            TeamId = kaart.Location.TeamId,
            BotId = botId,
        }, cancellationToken);
    }

    public Task ScheduleEvaluationAsync(Kaart kaart, string? botId, CancellationToken cancellationToken) =>
        ScheduleEvaluationAsync(kaart, botId, null, cancellationToken);

    /// <summary>The moment "Herinner over een week" moves the evaluation to.</summary>
    public DateTimeOffset Later(DateTimeOffset now) => options.Value.Schedule.Later(now);

    /// <summary>A closed kaart: every reminder of it stops.</summary>
    public Task StopAsync(string kaartId, CancellationToken cancellationToken) => reminders.CancelAsync(kaartId, kind: null, cancellationToken);

    /// <summary>Someone answered the evaluation (bijwerken, afsluiten): no escalation.</summary>
    public Task AnsweredAsync(string kaartId, CancellationToken cancellationToken) =>
        reminders.CancelAsync(kaartId, ReminderKind.Escalation, cancellationToken);
}
