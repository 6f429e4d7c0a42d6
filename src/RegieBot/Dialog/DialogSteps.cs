using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Scheduling;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>
/// Applies an answer to the dialog and stores it: a conditional write on the dialog row (the shared step card's
/// update in the same write), retried when only the row's ETag changed meanwhile; the last step commits the kaart's
/// version. Renders the step card, since what is shown goes with what is written.
/// </summary>
internal sealed class DialogSteps(
    IKaartStore store,
    ChannelMembers members,
    DialogCard dialogCard,
    KaartPublisher publisher,
    Outbox.OutboxRelay relay,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<DialogSteps> logger)
{
    /// <summary>Attempts to store an answer when only the dialog row's ETag changed meanwhile, not what was answered.</summary>
    private const int MaxSaveAttempts = 3;

    /// <summary>A click on the step card; <paramref name="dialog"/> is the one the card names, checked to be this thread's by the gate.</summary>
    public async Task<InvokeResponse> AnswerAsync(TurnContext turn, CardAction action, DialogState dialog, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        DialogAnswer answer = DialogAnswers.Parse(action.Data, ActorNames.Actor(activity), time.GetUtcNow());
        IReadOnlyList<TeamMember>? roster = null;
        if (dialog.Step == DialogStep.Professionals && DialogAnswers.ChosenMember(answer.Fields) is { } chosen)
        {
            try
            {
                roster = await members.ListAsync(activity, cancellationToken);
            }
            catch (RosterUnavailableException)
            {
                return InvokeResponse.Message(Texts.TeamsBusy);   // nothing written: the same click works in a moment
            }

            answer = answer with { Member = roster.FirstOrDefault(m => m.AadObjectId == chosen) };
        }

        bool recorded = false;   // the shared card's update went with the write
        DialogOutcome outcome = RegieDialog.Apply(dialog, answer, Defaults());
        for (int attempt = 1; outcome.Changed; attempt++)
        {
            try
            {
                DialogState next = Minimised(outcome.State) with { ETag = dialog.ETag, CardActivityId = activity.ReplyToId ?? dialog.CardActivityId };
                if (outcome.Kind == DialogOutcomeKind.Completed)
                {
                    // The completed dialog is written in the version's own transaction: saved entirely, or not at all.
                    outcome = outcome with { State = await CompleteAsync(next, activity, cancellationToken) };
                    break;
                }

                // The shared step card's update is an outbox item in the dialog's own write; the relay applies it.
                DialogState stored;
                if (outcome.Kind == DialogOutcomeKind.Cancelled || next.CardActivityId is not { } cardId)
                {
                    stored = await store.SaveDialogAsync(next, cancellationToken);
                }
                else
                {
                    string shared = (await RenderAsync(next, outcome.Errors, null, roster, activity, cancellationToken)).ToJsonString();
                    stored = await relay.CommitUnmarkedAsync(next.KaartId, token => store.SaveDialogAsync(next, [OutboxItem.Update(token, cardId, shared)], cancellationToken));
                    recorded = true;
                }

                outcome = outcome with { State = stored };
                if (outcome.Kind == DialogOutcomeKind.Cancelled)
                {
                    turn.ErasesItsCasus = await EraseIfNeverSavedAsync(stored, cancellationToken);
                }

                break;
            }
            catch (ConcurrencyConflictException)
            {
                DialogState current = await store.GetDialogAsync(dialog.KaartId, cancellationToken) ?? dialog;
                if (attempt < MaxSaveAttempts && current.Revision == dialog.Revision && current.Step == dialog.Step && current.Status == dialog.Status)
                {
                    // Nobody answered meanwhile; only the row changed (the start turn remembering the card it just posted,
                    // when someone clicks that card at once): the answer still applies to what is stored.
                    dialog = current;
                    outcome = RegieDialog.Apply(dialog, answer, Defaults());
                    continue;
                }

                outcome = new DialogOutcome(DialogOutcomeKind.Stale, current, [RegieDialog.StaleMessage]);
                break;
            }
        }

        logger.DialogAnswered(TurnKeyFactory.ForLog(dialog.KaartId), outcome.Kind.ToString(), outcome.State.Step.ToString());
        JsonObject card = await RenderAsync(
            outcome.State,
            outcome.Errors,
            outcome.Kind == DialogOutcomeKind.Invalid ? answer.Fields : null,
            roster,
            activity,
            cancellationToken);
        if (outcome.Changed && !recorded)
        {
            UpdateSharedCard(outcome.State, activity.ReplyToId, card);
        }

        turn.UpdatesClickedCard = outcome.Changed;

        return InvokeResponse.Card(card);
    }

    /// <summary>
    /// <c>annuleren</c> typed in the thread of an open dialog: one conditional write, no retry (the text says it
    /// changed meanwhile). Returns the cancelled dialog as stored, or null when it changed meanwhile.
    /// </summary>
    public async Task<DialogState?> CancelAsync(TurnContext turn, DialogState dialog, CancellationToken cancellationToken)
    {
        DialogOutcome outcome = RegieDialog.Apply(dialog, new DialogAnswer
        {
            Action = DialogAction.Cancel,
            Step = dialog.Step,
            Revision = dialog.Revision,
            Actor = ActorNames.Actor(turn.Activity),
            At = time.GetUtcNow(),
        }, Defaults());
        DialogState cancelled;
        try
        {
            cancelled = await store.SaveDialogAsync(Minimised(outcome.State), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        turn.ErasesItsCasus = await EraseIfNeverSavedAsync(cancelled, cancellationToken);
        UpdateSharedCard(cancelled, null, dialogCard.Build(cancelled, [], null, []));
        return cancelled;
    }

    /// <summary>The step card of <paramref name="state"/>; the professionals step lists the channel's members.</summary>
    public async Task<JsonObject> RenderAsync(
        DialogState state, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? pending,
        IReadOnlyList<TeamMember>? roster, Activity activity, CancellationToken cancellationToken)
    {
        if (state.Status == DialogStatus.Open && state.Step == DialogStep.Professionals)
        {
            try
            {
                roster ??= await members.ListAsync(activity, cancellationToken);
            }
            catch (RosterUnavailableException)
            {
                roster = [];   // the typeahead lists the members once Teams gave them; the card does not wait for it
            }
        }

        return dialogCard.Build(state, errors, pending, roster ?? []);
    }

    /// <summary>
    /// Saves the completed dialog as a new version of the kaart, in one commit with its outbox (indexes, evaluation
    /// reminder, the shared card); those follow from the commit. Returns the dialog as stored.
    /// </summary>
    private async Task<DialogState> CompleteAsync(DialogState completed, Activity activity, CancellationToken cancellationToken)
    {
        Kaart? existing = completed.IsUpdate ? await store.GetKaartAsync(completed.KaartId, cancellationToken) : null;
        Kaart kaart = DialogCompletion.ToKaart(completed, existing, activity.ServiceUrl, ActorNames.Actor(activity), time.GetUtcNow());
        Kaart saved = await relay.CommitVersionAsync(kaart, existing, completed, activity.Recipient?.Id, cancellationToken);
        logger.KaartSaved(TurnKeyFactory.ForLog(saved.Id), saved.Version, saved.Content.Professionals.Count);
        return completed with { ETag = null };
    }

    /// <summary>A cancelled dialog keeps nothing of what was entered: the kaart (if any) has the saved content.</summary>
    private static DialogState Minimised(DialogState state) =>
        state.Status == DialogStatus.Cancelled ? state with { Draft = new KaartContent() } : state;

    /// <summary>
    /// "Er is niets opgeslagen": a new kaart that is cancelled before its first version is erased entirely, so the
    /// thread is free for a new start. Its step card stays, saying it was cancelled.
    /// </summary>
    /// <returns>Whether the casus is being erased.</returns>
    private async Task<bool> EraseIfNeverSavedAsync(DialogState cancelled, CancellationToken cancellationToken)
    {
        if (cancelled.IsUpdate || await store.GetKaartAsync(cancelled.KaartId, cancellationToken) is not null)
        {
            return false;
        }

        await relay.EraseAsync(cancelled.KaartId, DialogTexts.CancelledNotice, cancelled.CardActivityId, cancellationToken);
        logger.CancelledKaartErased(TurnKeyFactory.ForLog(cancelled.KaartId));
        return true;
    }

    /// <summary>
    /// The shared step card follows the answer; the clicker has it already, so the click does not wait for Teams. Quick
    /// answers while an update is on its way are coalesced: the card shows the latest revision.
    /// </summary>
    private void UpdateSharedCard(DialogState state, string? replyToId, JsonObject card)
    {
        string? cardId = replyToId ?? state.CardActivityId;
        relay.FollowLatest(state.KaartId, "step|" + state.KaartId + "|" + cardId, state.Revision, ct => publisher.UpdateCardAsync(state.KaartId, state.Location.ServiceUrl, state.Location.ThreadId, cardId, card, ct));
    }

    private DialogDefaults Defaults()
    {
        EvaluationSchedule schedule = options.Value.Schedule;
        return new DialogDefaults(DutchCalendar.Today(time.GetUtcNow()), schedule.EvaluationDate);
    }
}
