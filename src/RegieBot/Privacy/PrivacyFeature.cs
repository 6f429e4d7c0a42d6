using RegieBot.Bot;
using RegieBot.Cards;

namespace RegieBot.Privacy;

/// <summary>Export and erasure of a casus (AVG): the commands, the delete card, and the retention sweep after closing.</summary>
internal static class PrivacyFeature
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddSingleton<CasusDeletion>();
        services.AddSingleton<CasusExport>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService<RetentionWorker>();
        services.AddTextCommand("export", sp => (turn, _, ct) => sp.GetRequiredService<CasusExport>().ExportAsync(turn, ct));
        services.AddTextCommand("verwijderen", sp => (turn, _, ct) => sp.GetRequiredService<CasusDeletion>().AskAsync(turn, ct));
        return services
            .AddCardVerb(DeleteCard.Verb, CardLoad.Thread, CardActor.ChannelMember, needsLedger: true,
                sp => (turn, action, target, ct) => sp.GetRequiredService<CasusDeletion>().ConfirmAsync(turn, action, target.Thread!, ct))
            .AddCardVerb(DeleteCard.CancelVerb, CardLoad.Thread, CardActor.InConversation, needsLedger: true,
                sp => (turn, _, target, _) => Task.FromResult(sp.GetRequiredService<CasusDeletion>().CancelAsync(turn, target.Thread!)));
    }
}
