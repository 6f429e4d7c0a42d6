using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Dialog;
using RegieBot.Protocol.Schema;

namespace RegieBot.Reminders;

/// <summary>The card verbs of an evaluation reminder and of escalating a kaart.</summary>
internal static class EvaluationCardVerbs
{
    public static IServiceCollection AddEvaluationCardVerbs(this IServiceCollection services) => services
        .AddCardVerb(EvaluationCard.Verb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<EvaluationActions>().AnswerAsync(turn, action, target.Kaart!, ct))
        .AddCardVerb(EvaluationActions.EscalateVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => async (turn, action, target, ct) =>
            {
                string? problem = await sp.GetRequiredService<EvaluationActions>().EscalateAsync(turn, target.KaartId, action["reden"] ?? string.Empty, ct);
                return problem is null ? InvokeResponse.Message(RegieTexts.Escalated) : InvokeResponse.Error(400, "invalidReason", problem);
            });
}
