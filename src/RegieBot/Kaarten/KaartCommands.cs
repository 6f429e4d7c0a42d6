using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Kaarten;

/// <summary>
/// The reading commands: <c>kaart</c>, <c>status</c>, <c>geschiedenis</c>, <c>clientversie</c> and, in personal chat,
/// <c>overzicht</c>. What they post about a casus is remembered with it, so deleting the casus replaces it.
/// </summary>
internal sealed class KaartCommands(
    IKaartStore store,
    KaartPublisher publisher,
    IStepCards stepCards,
    CasusLocator locator,
    CasusMessages messages,
    ClientCard clientCard,
    EvaluationCard evaluationCard,
    ActorNames actorNames,
    IOutboxStore outbox,
    ILogger<KaartCommands> logger)
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
                await messages.PostTextAsync(turn, dialog.KaartId, KaartTexts.StillOpen(dialog.Casus, (int)dialog.Step + 1), cancellationToken);
                await stepCards.PostStepCardAsync(turn, dialog, cancellationToken);
            }
            else
            {
                await turn.SendPlainTextAsync(CasusTexts.NoKaartHere, cancellationToken);
            }

            return;
        }

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(thread.KaartId, cancellationToken);
        if (snapshot is null)
        {
            await turn.SendPlainTextAsync(Texts.KaartGone, cancellationToken);
            return;
        }

        string conversationId = turn.Activity.Conversation!.Id!;
        await messages.PostCardAsync(thread.KaartId, turn.Activity.ServiceUrl!, conversationId, publisher.Copy(snapshot, conversationId), cancellationToken);
    }

    /// <summary>The saved kaart of the turn's thread; where there is none, the turn is answered and the result is null.</summary>
    private async Task<Kaart?> SavedKaartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return null;
        }

        Kaart? kaart = thread.Saved ? await store.GetKaartAsync(thread.KaartId, cancellationToken) : null;
        if (kaart is null)
        {
            await turn.SendPlainTextAsync(CasusTexts.NoSavedKaart, cancellationToken);
        }

        return kaart;
    }

    /// <summary>The kaart in plain words for the family, in the conversation where it was asked.</summary>
    public async Task ClientVersionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SavedKaartAsync(turn, cancellationToken) is not { } kaart)
        {
            return;
        }

        await messages.PostCardAsync(kaart.Id, turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, clientCard.Build(kaart), cancellationToken);
        logger.ClientVersionPosted(TurnKeyFactory.ForLog(kaart.Id));
    }

    /// <summary><c>evaluatie</c>: the evaluation card now, in the kaart's thread, with the same buttons as the reminder's.</summary>
    public async Task EvaluateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SavedKaartAsync(turn, cancellationToken) is not { } kaart)
        {
            return;
        }

        if (kaart.Status == KaartStatus.Afgesloten)
        {
            await messages.PostTextAsync(turn, kaart.Id, CasusTexts.Closed(kaart.Casus), cancellationToken);
            return;
        }

        await messages.PostCardAsync(kaart.Id, kaart.Location.ServiceUrl, kaart.Location.ThreadId, evaluationCard.Build(kaart), cancellationToken);
        if (!string.Equals(turn.Activity.Conversation?.Id, kaart.Location.ThreadId, StringComparison.Ordinal))
        {
            await turn.SendPlainTextAsync(KaartTexts.EvaluationPosted, cancellationToken);
        }

        logger.EvaluationPostedNow(TurnKeyFactory.ForLog(kaart.Id));
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
            lines.Add(KaartTexts.StillOpen(dialog.Casus, (int)dialog.Step + 1));
        }

        if (snapshot is not null)
        {
            IReadOnlyList<Escalation> escalations = await store.GetEscalationsAsync(thread.KaartId, cancellationToken);
            IReadOnlyList<Kaart> versions = escalations.Count == 0 ? [] : await store.GetVersionsAsync(thread.KaartId, cancellationToken);
            Func<string?, string> name = escalations.Count == 0 ? _ => ActorNames.Unknown : await actorNames.ForAsync(turn.Activity, cancellationToken);
            lines.Add(KaartTexts.Status(snapshot, escalations, versions, name));
        }

        if (lines.Count == 0)
        {
            await turn.SendPlainTextAsync(CasusTexts.NoKaartHere, cancellationToken);
            return;
        }

        await messages.PostTextAsync(turn, thread.KaartId, string.Join("\n\n", lines), cancellationToken);
    }

    public async Task HistoryAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        IReadOnlyList<Kaart> versions = thread.Saved ? await store.GetVersionsAsync(thread.KaartId, cancellationToken) : [];
        if (versions.Count == 0)
        {
            await turn.SendPlainTextAsync(CasusTexts.NoKaartHere, cancellationToken);
            return;
        }

        Kaart? current = await store.GetKaartAsync(thread.KaartId, cancellationToken);
        IReadOnlyList<Escalation> escalations = await store.GetEscalationsAsync(thread.KaartId, cancellationToken);
        Func<string?, string> name = await actorNames.ForAsync(turn.Activity, cancellationToken);
        await messages.PostTextAsync(turn, thread.KaartId, KaartTexts.History(versions, current?.Closure, escalations, name), cancellationToken);
    }

    /// <summary>
    /// <c>overzicht</c>: only in personal chat (in a channel or group chat everyone would see the sender's kaarten), and
    /// never a casus whose erasure has started.
    /// </summary>
    public async Task OverviewAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsPersonalConversation())
        {
            await turn.SendPlainTextAsync(KaartTexts.OverviewInPersonalChatOnly, cancellationToken);
            return;
        }

        string? aad = turn.Activity.From?.AadObjectId;
        List<MemberKaart> kaarten = [];
        foreach (MemberKaart kaart in aad is null ? [] : await store.ListByMemberAsync(aad, cancellationToken))
        {
            if (!await outbox.IsErasingAsync(kaart.KaartId, cancellationToken))
            {
                kaarten.Add(kaart);
            }
        }

        if (kaarten.Count == 0)
        {
            await turn.SendPlainTextAsync(CasusTexts.NoKaartsForYou, cancellationToken);
            return;
        }

        await turn.SendPlainTextAsync(
            KaartTexts.Overview(kaarten.OrderBy(k => k.Status).ThenBy(k => k.Evaluatiedatum ?? DateOnly.MaxValue)),
            cancellationToken);
    }

    private Task<ThreadKaart?> FindAsync(TurnContext turn, CancellationToken cancellationToken) => locator.FindAsync(turn, cancellationToken);
}
