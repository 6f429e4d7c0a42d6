using System.Text.Json.Nodes;
using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Validation;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>
/// The regie conversation in a channel thread: <c>start</c>, <c>annuleren</c> and <c>bijwerken</c>. State lives in
/// the kaart store, guarded by ETags; the step card is one message, updated in place for everyone. Its answers are
/// <see cref="DialogSteps"/>' job.
/// </summary>
internal sealed class RegieConversation(
    IKaartStore store,
    CasusMessages messages,
    DialogSteps steps,
    Outbox.OutboxRelay relay,
    TimeProvider time,
    ILogger<RegieConversation> logger) : IStepCards
{
    public async Task StartAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        if (!activity.IsChannelConversation())
        {
            await turn.SendPlainTextAsync(DialogTexts.OnlyInChannel, cancellationToken);
            return;
        }

        string casus = TextInput.Clean(arguments);
        if (TextInput.CheckCasus(casus) is { } problem)
        {
            await turn.SendPlainTextAsync(problem, cancellationToken);
            return;
        }

        // The common start makes three storage requests (the turn ledger, the thread row, the dialog's transaction)
        // and no Teams call: the step card is an outbox post that the relay sends right after the commit. The thread is
        // claimed before anything is read; only a claim that meets another casus reads what is there.
        DialogState dialog = RegieDialog.Start(NewKaartId(), casus, CasusLocator.Location(activity), ActorNames.Actor(activity), time.GetUtcNow());
        try
        {
            JsonObject card = await steps.RenderAsync(dialog, [], null, null, activity, cancellationToken);
            dialog = await relay.CommitUnmarkedAsync(
                dialog.KaartId,
                token => store.CreateDialogAsync(dialog, [OutboxItem.Post(token, card.ToJsonString())], cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            await AnswerTakenThreadAsync(turn, casus, cancellationToken);
            return;
        }

        logger.DialogStarted(TurnKeyFactory.ForLog(dialog.KaartId));
    }

    /// <summary>The thread already has a casus: an interrupted start resumes where it stopped, anything else is named.</summary>
    private async Task AnswerTakenThreadAsync(TurnContext turn, string casus, CancellationToken cancellationToken)
    {
        ThreadKaart? existing = await store.FindByThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken);
        DialogState? open = existing is null || existing.Saved ? null : await store.GetDialogAsync(existing.KaartId, cancellationToken);
        if (open is { Status: DialogStatus.Open })
        {
            // A start that was interrupted (or whose step card got lost): the dialog resumes where it stopped. A step card
            // still waiting in its outbox (a crash right after the commit) is posted now; else a new one is.
            await messages.PostTextAsync(turn, open.KaartId, DialogTexts.Resumed(open.Casus), cancellationToken);
            if (await relay.ApplyPendingAsync(open.KaartId, cancellationToken) == 0)
            {
                await PostStepCardAsync(turn, open, cancellationToken);
            }

            return;
        }

        // It names the thread's casus: recorded with it, so its erasure replaces this answer too. A casus that is being
        // erased is not named (the thread is free again in a moment); a row that vanished names only what was typed.
        if (existing is null)
        {
            await turn.SendPlainTextAsync(DialogTexts.ThreadTaken(casus), cancellationToken);
        }
        else if (await messages.PostTextAsync(turn, existing.KaartId, DialogTexts.ThreadTaken(existing.Casus), cancellationToken) is null)
        {
            await turn.SendPlainTextAsync(CasusTexts.ChangedMeanwhile, cancellationToken);
        }
    }

    public async Task CancelAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await store.FindByThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken);
        DialogState? dialog = thread is null ? null : await store.GetDialogAsync(thread.KaartId, cancellationToken);
        if (dialog is not { Status: DialogStatus.Open })
        {
            await turn.SendPlainTextAsync(DialogTexts.NothingToCancel, cancellationToken);
            return;
        }

        if (await steps.CancelAsync(turn, dialog, cancellationToken) is not { } cancelled)
        {
            await turn.SendPlainTextAsync(CasusTexts.ChangedMeanwhile, cancellationToken);
            return;
        }

        await turn.SendPlainTextAsync(DialogTexts.Cancelled(cancelled.IsUpdate), cancellationToken);
    }

    /// <summary><c>bijwerken</c>: the same steps, prefilled with the current kaart, in the kaart's thread.</summary>
    public async Task<string?> StartUpdateAsync(TurnContext turn, string kaartId, CancellationToken cancellationToken)
    {
        Kaart? kaart = await store.GetKaartAsync(kaartId, cancellationToken);
        if (kaart is null)
        {
            return Texts.KaartGone;
        }

        if (kaart.Status == KaartStatus.Afgesloten)
        {
            return CasusTexts.Closed(kaart.Casus);
        }

        DialogState? current = await store.GetDialogAsync(kaartId, cancellationToken);
        if (current is { Status: DialogStatus.Open })
        {
            return DialogTexts.UpdateWhileOpen(kaart.Casus);
        }

        // The step card is an outbox post in the dialog's own commit, with an intent: the click is answered right after
        // the commit and never waits for Teams (throttled, it would wait out a Retry-After); the relay posts the card, and
        // the sweep does when Teams or a crash stopped it. The escalation stays until the update is saved (the save's
        // reminder replaces it): an abandoned update is no answer.
        DialogState update = RegieDialog.StartUpdate(kaart, ActorNames.Actor(turn.Activity), time.GetUtcNow()) with { ETag = current?.ETag };
        JsonObject card = await steps.RenderAsync(update, [], null, null, turn.Activity, cancellationToken);
        try
        {
            await relay.CommitAsync(kaartId, token => store.SaveDialogAsync(update, [OutboxItem.Post(token, card.ToJsonString())], cancellationToken), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return DialogTexts.UpdateWhileOpen(kaart.Casus);
        }

        return null;
    }

    /// <summary>Posts the step card of an open dialog in its thread, recorded with the casus (its erasure replaces every step card it had).</summary>
    public async Task PostStepCardAsync(TurnContext turn, DialogState dialog, CancellationToken cancellationToken)
    {
        JsonObject card = await steps.RenderAsync(dialog, [], null, null, turn.Activity, cancellationToken);
        if (await messages.PostCardAsync(dialog.KaartId, turn.Activity.ServiceUrl!, dialog.Location.ThreadId, card, cancellationToken) is not { } postedId)
        {
            return;   // the casus is being erased
        }

        try
        {
            await store.SaveDialogAsync(dialog with { CardActivityId = postedId }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone already answered on the new card: the answer's replyToId tells us the card anyway.
        }
    }

    private static string NewKaartId() => "k" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
}
