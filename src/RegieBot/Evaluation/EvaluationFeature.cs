using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;

namespace RegieBot.Evaluation;

/// <summary>Evaluating a kaart: the reminders that come due, their cards, and escalating (opschalen).</summary>
internal static class EvaluationFeature
{
    public static IServiceCollection AddEvaluationFeature(this IServiceCollection services)
    {
        services.AddSingleton<EvaluationActions>();
        services.AddSingleton<Domain.Reminders.IReminderSender, ReminderSender>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderWorker>();
        services.AddSingleton<ReminderAudit>();
        services.AddHostedService<ReminderAuditWorker>();
        services.AddTextCommand("opschalen", sp => (turn, reason, ct) => EscalateAsync(sp, turn, reason, ct));
        return services
            .AddCardVerb(EvaluationCard.Verb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
                sp => (turn, action, target, ct) => sp.GetRequiredService<EvaluationActions>().AnswerAsync(turn, action, target.Kaart!, ct))
            .AddCardVerb(EvaluationActions.EscalateVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
                sp => async (turn, action, target, ct) =>
                {
                    string? problem = await sp.GetRequiredService<EvaluationActions>().EscalateAsync(turn, target.KaartId, action["reden"] ?? string.Empty, ct);
                    return problem is null ? InvokeResponse.Message(EvaluationTexts.Escalated) : InvokeResponse.Error(400, "invalidReason", problem);
                });
    }

    private static async Task EscalateAsync(IServiceProvider services, TurnContext turn, string reason, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<CasusLocator>().FindSavedAsync(turn, cancellationToken) is not { } thread)
        {
            return;
        }

        if (await services.GetRequiredService<EvaluationActions>().EscalateAsync(turn, thread.KaartId, reason, cancellationToken) is { } problem)
        {
            await turn.SendPlainTextAsync(problem, cancellationToken);
        }
    }
}
