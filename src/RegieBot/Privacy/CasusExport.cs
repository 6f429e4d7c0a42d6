using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Reminders;

namespace RegieBot.Privacy;

/// <summary>
/// <c>export</c>: everything stored about the casus, for an inzageverzoek, as a series of cards in the
/// conversation where it was asked (see <see cref="ExportCards"/> for why cards).
/// </summary>
internal sealed class CasusExport(
    IKaartStore store,
    CasusLocator locator,
    CasusMessages messages,
    IReminderStore reminders,
    ExportCards exportCards,
    TimeProvider time,
    ILogger<CasusExport> logger)
{
    public async Task ExportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await locator.FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(thread.KaartId, cancellationToken);
        DialogState? dialog = await store.GetDialogAsync(thread.KaartId, cancellationToken);
        CasusFootprint? footprint = await store.GetFootprintAsync(thread.KaartId, cancellationToken);
        if (snapshot is null && dialog is null)
        {
            await turn.SendPlainTextAsync(PrivacyTexts.ExportNothing, cancellationToken);
            return;
        }

        CasusRecords records = new()
        {
            KaartId = thread.KaartId,
            Casus = snapshot?.Kaart.Casus ?? dialog!.Casus,
            Kaart = snapshot?.Kaart,
            Versions = await store.GetVersionsAsync(thread.KaartId, cancellationToken),
            Confirmations = snapshot?.Confirmations ?? [],
            Proposals = snapshot?.Proposals ?? [],
            Dialog = dialog,
            Escalations = await store.GetEscalationsAsync(thread.KaartId, cancellationToken),
            Reminders = await RemindersAsync(thread.KaartId, cancellationToken),
            PostedMessages = footprint?.Messages.Count ?? 0,
        };

        IReadOnlyList<System.Text.Json.Nodes.JsonObject> cards = exportCards.Build(records, time.GetUtcNow());
        foreach (System.Text.Json.Nodes.JsonObject card in cards)
        {
            await messages.PostCardAsync(thread.KaartId, turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, card, cancellationToken);
        }

        await turn.SendPlainTextAsync(PrivacyTexts.ExportPosted(cards.Count), cancellationToken);
        logger.CasusExported(TurnKeyFactory.ForLog(thread.KaartId), records.Versions.Count, cards.Count);
    }

    private async Task<IReadOnlyList<ReminderState>> RemindersAsync(string kaartId, CancellationToken cancellationToken)
    {
        List<ReminderState> states = [];
        foreach (ReminderKind kind in Enum.GetValues<ReminderKind>())
        {
            if (await reminders.GetStateAsync(kaartId, kind, cancellationToken) is { } state)
            {
                states.Add(state);
            }
        }

        return states;
    }
}
