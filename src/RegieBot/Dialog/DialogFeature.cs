using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Cards;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>The guided dialog: starting, answering, cancelling and updating a kaart, by command and by card.</summary>
internal static class DialogFeature
{
    /// <summary>The verb of the kaart card's "Bijwerken" button, which starts the update dialog.</summary>
    public const string UpdateVerb = "bijwerken";

    public static IServiceCollection AddDialogFeature(this IServiceCollection services)
    {
        services.AddSingleton<DialogSteps>();
        services.AddSingleton<RegieConversation>();
        services.AddSingleton<IStepCards>(sp => sp.GetRequiredService<RegieConversation>());
        services.AddTextCommand("start", sp => sp.GetRequiredService<RegieConversation>().StartAsync);
        services.AddTextCommand("annuleren", sp => (turn, _, ct) => sp.GetRequiredService<RegieConversation>().CancelAsync(turn, ct));
        services.AddTextCommand("bijwerken", sp => (turn, _, ct) => UpdateAsync(sp, turn, ct));

        // A dialog step carries the revision it answers: a second delivery changes nothing, so it skips the turn ledger.
        services.AddCardVerb(DialogCard.Verb, CardLoad.Dialog, CardActor.InConversation, needsLedger: false,
            sp => (turn, action, target, ct) => sp.GetRequiredService<DialogSteps>().AnswerAsync(turn, action, target.Dialog!, ct));
        return services.AddCardVerb(UpdateVerb, CardLoad.Kaart, CardActor.InConversation, needsLedger: true,
            sp => async (turn, _, target, ct) =>
            {
                string? notStarted = await sp.GetRequiredService<RegieConversation>().StartUpdateAsync(turn, target.KaartId, ct);
                return InvokeResponse.Message(notStarted ?? DialogTexts.Started);
            });
    }

    private static async Task UpdateAsync(IServiceProvider services, TurnContext turn, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<CasusLocator>().FindSavedAsync(turn, cancellationToken) is not { } thread)
        {
            return;
        }

        if (await services.GetRequiredService<RegieConversation>().StartUpdateAsync(turn, thread.KaartId, cancellationToken) is { } refusal)
        {
            await turn.SendPlainTextAsync(refusal, cancellationToken);
        }
    }
}
