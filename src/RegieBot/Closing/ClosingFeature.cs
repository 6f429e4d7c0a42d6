using RegieBot.Bot;
using RegieBot.Cards;

namespace RegieBot.Closing;

/// <summary>Closing a casus (afsluiten): the question, the close card and its cancel.</summary>
internal static class ClosingFeature
{
    public static IServiceCollection AddClosingFeature(this IServiceCollection services)
    {
        services.AddSingleton<KaartClosing>();
        services.AddTextCommand("afsluiten", sp => (turn, _, ct) => sp.GetRequiredService<KaartClosing>().AskAsync(turn, ct));
        services.AddCardVerb(CloseCard.AskVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (_, _, target, ct) => sp.GetRequiredService<KaartClosing>().AskFromCardAsync(target.Kaart!, ct));
        services.AddCardVerb(CloseCard.Verb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<KaartClosing>().CloseAsync(turn, action, target.Kaart!, ct));
        return services.AddCardVerb(CloseCard.CancelVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<KaartClosing>().Cancel(turn, target.Kaart!)));
    }
}
