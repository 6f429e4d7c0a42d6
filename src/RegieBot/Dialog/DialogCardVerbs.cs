using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>The card verbs of the guided dialog, the kaart and its closing.</summary>
internal static class DialogCardVerbs
{
    public static IServiceCollection AddDialogCardVerbs(this IServiceCollection services)
    {
        // A dialog step carries the revision it answers, the same role is confirmed once whatever the number of
        // clicks, and a refresh only reads: a second delivery changes nothing, so these skip the turn ledger.
        services.AddCardVerb(DialogCard.Verb, CardLoad.Dialog, CardActor.InConversation, needsLedger: false,
            sp => (turn, action, target, ct) => sp.GetRequiredService<RegieConversation>().HandleActionAsync(turn, action, target.Dialog!, ct));
        services.AddCardVerb(KaartActions.ConfirmVerb, CardLoad.Snapshot, CardActor.LinkedProfessional, needsLedger: false,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartActions>().ConfirmAsync(turn, action, target.Snapshot!, ct));
        services.AddCardVerb(KaartActions.ProposeVerb, CardLoad.Snapshot, CardActor.InConversation, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartActions>().ProposeAsync(turn, action, target.Snapshot!, ct));
        services.AddCardVerb(KaartActions.RefreshVerb, CardLoad.Snapshot, CardActor.InConversation, needsLedger: false,
            sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<KaartActions>().Refresh(turn, target.Snapshot!)));
        services.AddCardVerb(CloseCard.AskVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (_, _, target, ct) => sp.GetRequiredService<KaartClosing>().AskFromCardAsync(target.Kaart!, ct));
        services.AddCardVerb(CloseCard.Verb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartClosing>().CloseAsync(turn, action, target.Kaart!, ct));
        services.AddCardVerb(CloseCard.CancelVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<KaartClosing>().Cancel(turn, target.Kaart!)));
        return services.AddCardVerb(CardActionGate.UpdateVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => async (turn, _, target, ct) =>
            {
                string? notStarted = await sp.GetRequiredService<RegieConversation>().StartUpdateAsync(turn, target.KaartId, ct);
                return InvokeResponse.Message(notStarted ?? RegieTexts.Started);
            });
    }
}
