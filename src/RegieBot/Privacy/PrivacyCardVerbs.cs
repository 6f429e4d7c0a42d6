using RegieBot.Bot;
using RegieBot.Cards;

namespace RegieBot.Privacy;

/// <summary>The card verbs of deleting a casus.</summary>
internal static class PrivacyCardVerbs
{
    public static IServiceCollection AddPrivacyCardVerbs(this IServiceCollection services) => services
        .AddCardVerb(DeleteCard.Verb, CardLoad.Thread, CardActor.ChannelMember, needsLedger: true,
            sp => (turn, action, target, ct) => sp.GetRequiredService<CasusDeletion>().ConfirmAsync(turn, action, target.Thread!, ct))
        .AddCardVerb(DeleteCard.CancelVerb, CardLoad.Thread, CardActor.InConversation, needsLedger: true,
            sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<CasusDeletion>().CancelAsync(turn, target.Thread!)));
}
