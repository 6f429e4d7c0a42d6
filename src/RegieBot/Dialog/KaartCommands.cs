using RegieBot.Bot;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>The reading commands: <c>kaart</c>, <c>status</c> and, in personal chat, <c>overzicht</c>.</summary>
internal sealed class KaartCommands(IKaartStore store, KaartPublisher publisher, RegieConversation conversation)
{
    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        if (!thread.Saved)
        {
            DialogState? dialog = await store.GetDialogAsync(thread.KaartId, cancellationToken);
            if (dialog is { Status: DialogStatus.Open })
            {
                await turn.SendPlainTextAsync(RegieTexts.StillOpen(dialog.Casus, (int)dialog.Step + 1), cancellationToken);
                await conversation.PostStepCardAsync(turn, dialog, cancellationToken);
            }
            else
            {
                await turn.SendPlainTextAsync(RegieTexts.NoKaartHere, cancellationToken);
            }

            return;
        }

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(thread.KaartId, cancellationToken);
        if (snapshot is null)
        {
            await turn.SendPlainTextAsync(RegieTexts.KaartGone, cancellationToken);
            return;
        }

        await publisher.PostCopyAsync(snapshot, turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, cancellationToken);
    }

    public async Task StatusAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        DialogState? dialog = await store.GetDialogAsync(thread.KaartId, cancellationToken);
        KaartSnapshot? snapshot = thread.Saved ? await store.GetSnapshotAsync(thread.KaartId, cancellationToken) : null;
        List<string> lines = [];
        if (dialog is { Status: DialogStatus.Open })
        {
            lines.Add(RegieTexts.StillOpen(dialog.Casus, (int)dialog.Step + 1));
        }

        if (snapshot is not null)
        {
            lines.Add(RegieTexts.Status(snapshot));
        }

        await turn.SendPlainTextAsync(lines.Count > 0 ? string.Join("\n\n", lines) : RegieTexts.NoKaartHere, cancellationToken);
    }

    public async Task HistoryAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        IReadOnlyList<Kaart> versions = thread.Saved ? await store.GetVersionsAsync(thread.KaartId, cancellationToken) : [];
        await turn.SendPlainTextAsync(versions.Count == 0 ? RegieTexts.NoKaartHere : RegieTexts.History(versions), cancellationToken);
    }

    public async Task OverzichtAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        string? aad = turn.Activity.From?.AadObjectId;
        IReadOnlyList<MemberKaart> kaarten = aad is null ? [] : await store.ListByMemberAsync(aad, cancellationToken);
        if (kaarten.Count == 0)
        {
            await turn.SendPlainTextAsync(RegieTexts.NoKaartsForYou, cancellationToken);
            return;
        }

        await turn.SendPlainTextAsync(
            RegieTexts.Overzicht(kaarten.OrderBy(k => k.Status).ThenBy(k => k.Evaluatiedatum ?? DateOnly.MaxValue)),
            cancellationToken);
    }

    /// <summary>
    /// The kaart of this thread; in a new channel post, the channel's only kaart. Tells the user what to do
    /// (and returns null) when there is none, or several.
    /// </summary>
    private async Task<ThreadKaart?> FindAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsPersonalConversation())
        {
            await turn.SendPlainTextAsync("Typ dit commando in het kanaal van de casus. Hier zie je met overzicht al jouw regiekaarten.", cancellationToken);
            return null;
        }

        string conversationId = turn.Activity.Conversation?.Id ?? string.Empty;
        if (await store.FindByThreadAsync(conversationId, cancellationToken) is { } thread)
        {
            return thread;
        }

        IReadOnlyList<ThreadKaart> inChannel = await store.ListByChannelAsync(KaartLocation.ChannelOf(conversationId), cancellationToken);
        switch (inChannel.Count)
        {
            case 0:
                await turn.SendPlainTextAsync(RegieTexts.NoKaartHere, cancellationToken);
                return null;
            case 1:
                return inChannel[0];
            default:
                await turn.SendPlainTextAsync(RegieTexts.Several(inChannel.Select(t => t.Casus)), cancellationToken);
                return null;
        }
    }
}
