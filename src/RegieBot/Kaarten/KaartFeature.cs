using RegieBot.Bot;

namespace RegieBot.Kaarten;

/// <summary>A saved kaart: showing it, its status and history, confirming roles and proposing changes.</summary>
internal static class KaartFeature
{
    public static IServiceCollection AddKaartFeature(this IServiceCollection services)
    {
        services.AddSingleton<KaartCommands>();
        services.AddSingleton<KaartActions>();
        services.AddTextCommand("kaart", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().ShowAsync(turn, ct));
        services.AddTextCommand("status", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().StatusAsync(turn, ct));
        services.AddTextCommand("geschiedenis", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().HistoryAsync(turn, ct));
        services.AddTextCommand("overzicht", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().OverviewAsync(turn, ct));
        services.AddTextCommand("clientversie", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().ClientVersionAsync(turn, ct));
        services.AddTextCommand("evaluatie", sp => (turn, _, ct) => sp.GetRequiredService<KaartCommands>().EvaluateAsync(turn, ct));

        // The same role is confirmed once whatever the number of clicks, and a refresh only reads: a second delivery
        // changes nothing, so these skip the turn ledger.
        services.AddCardVerb(KaartActions.ConfirmVerb, CardLoad.Snapshot, CardActor.LinkedProfessional, needsLedger: false,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartActions>().ConfirmAsync(turn, action, target.Snapshot!, ct));
        services.AddCardVerb(KaartActions.ProposeVerb, CardLoad.Snapshot, CardActor.InConversation, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartActions>().ProposeAsync(turn, action, target.Snapshot!, ct));
        return services.AddCardVerb(KaartActions.RefreshVerb, CardLoad.Snapshot, CardActor.InConversation, needsLedger: false,
            sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<KaartActions>().Refresh(turn, target.Snapshot!)));
    }
}
