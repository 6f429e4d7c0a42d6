using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Scheduling;
using RegieBot.Domain.Validation;
using RegieBot.Reminders;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>
/// The regie conversation in a channel thread: <c>start</c>, the step card's actions, <c>annuleren</c> and
/// <c>bijwerken</c>. State lives in the kaart store, guarded by ETags; the step card is one message,
/// updated in place for everyone, and returned to the clicker in the invoke response.
/// </summary>
internal sealed class RegieConversation(
    IKaartStore store,
    IConnectorClient connector,
    ChannelMembers members,
    DialogCard dialogCard,
    KaartPublisher publisher,
    Outbox.OutboxRelay relay,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<RegieConversation> logger)
{
    /// <summary>Attempts to store an answer when only the dialog row's ETag changed meanwhile, not what was answered.</summary>
    private const int MaxSaveAttempts = 3;

    private static readonly HashSet<string> ControlKeys = ["kaartId", "step", "revision", "action", "professionalId"];

    public async Task StartAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        if (!activity.IsChannelConversation())
        {
            await turn.SendPlainTextAsync(RegieTexts.OnlyInChannel, cancellationToken);
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
        DialogState dialog = RegieDialog.Start(NewKaartId(), casus, Location(activity), Actor(activity), time.GetUtcNow());
        try
        {
            JsonObject card = await RenderAsync(dialog, [], null, null, activity, cancellationToken);
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
            await turn.SendPlainTextAsync(RegieTexts.Resumed(open.Casus), cancellationToken);
            if (await relay.ApplyPendingAsync(open.KaartId, cancellationToken) == 0)
            {
                await PostStepCardAsync(turn, open, cancellationToken);
            }

            return;
        }

        await turn.SendPlainTextAsync(RegieTexts.ThreadTaken(existing?.Casus ?? casus), cancellationToken);
    }

    /// <summary>A click on the step card; <paramref name="dialog"/> is the one the card names, checked to be this thread's by the gate.</summary>
    public async Task<InvokeResponse> HandleActionAsync(TurnContext turn, CardAction action, DialogState dialog, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        Dictionary<string, string> fields = action.Data.Where(d => !ControlKeys.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        IReadOnlyList<TeamMember>? roster = null;
        TeamMember? member = null;
        if (dialog.Step == DialogStep.Professionals && fields.TryGetValue(DialogFields.Member, out string? chosen) && chosen.Length > 0 && chosen != DialogFields.External)
        {
            roster = await members.ListAsync(activity, cancellationToken);
            member = roster.FirstOrDefault(m => m.AadObjectId == chosen);
        }

        DialogAnswer answer = new()
        {
            Action = ParseAction(action["action"]),
            Step = Enum.TryParse(action["step"], out DialogStep step) ? step : (DialogStep)(-1),
            Revision = action.Int("revision") ?? -1,
            Fields = fields,
            ProfessionalId = action["professionalId"],
            Member = member,
            Actor = Actor(activity),
            At = time.GetUtcNow(),
        };

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
            outcome.Kind == DialogOutcomeKind.Invalid ? fields : null,
            roster,
            activity,
            cancellationToken);
        if (outcome.Changed && !recorded)
        {
            UpdateSharedCard(outcome.State, activity.ReplyToId, card);
        }

        return InvokeResponse.Card(card);
    }

    public async Task CancelAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await store.FindByThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken);
        DialogState? dialog = thread is null ? null : await store.GetDialogAsync(thread.KaartId, cancellationToken);
        if (dialog is not { Status: DialogStatus.Open })
        {
            await turn.SendPlainTextAsync(RegieTexts.NothingToCancel, cancellationToken);
            return;
        }

        DialogOutcome outcome = RegieDialog.Apply(dialog, new DialogAnswer
        {
            Action = DialogAction.Cancel,
            Step = dialog.Step,
            Revision = dialog.Revision,
            Actor = Actor(turn.Activity),
            At = time.GetUtcNow(),
        }, Defaults());
        DialogState cancelled;
        try
        {
            cancelled = await store.SaveDialogAsync(Minimised(outcome.State), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            await turn.SendPlainTextAsync(RegieTexts.ChangedMeanwhile, cancellationToken);
            return;
        }

        turn.ErasesItsCasus = await EraseIfNeverSavedAsync(cancelled, cancellationToken);
        UpdateSharedCard(cancelled, null, dialogCard.Build(cancelled, [], null, []));
        await turn.SendPlainTextAsync(RegieTexts.Cancelled(cancelled.IsUpdate), cancellationToken);
    }

    /// <summary><c>bijwerken</c>: the same steps, prefilled with the current kaart, in the kaart's thread.</summary>
    public async Task<string?> StartUpdateAsync(TurnContext turn, string kaartId, CancellationToken cancellationToken)
    {
        Kaart? kaart = await store.GetKaartAsync(kaartId, cancellationToken);
        if (kaart is null)
        {
            return RegieTexts.KaartGone;
        }

        if (kaart.Status == KaartStatus.Afgesloten)
        {
            return RegieTexts.Closed(kaart.Casus);
        }

        DialogState? current = await store.GetDialogAsync(kaartId, cancellationToken);
        if (current is { Status: DialogStatus.Open })
        {
            return RegieTexts.UpdateWhileOpen(kaart.Casus);
        }

        DialogState update;
        try
        {
            update = await store.SaveDialogAsync(RegieDialog.StartUpdate(kaart, Actor(turn.Activity), time.GetUtcNow()) with { ETag = current?.ETag }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return RegieTexts.UpdateWhileOpen(kaart.Casus);
        }

        // The escalation stays until the update is saved (the save's reminder replaces it): an abandoned update is no answer.
        await PostStepCardAsync(turn, update, cancellationToken);
        return null;
    }

    /// <summary>Posts the step card of an open dialog in its thread and remembers the message.</summary>
    public async Task PostStepCardAsync(TurnContext turn, DialogState dialog, CancellationToken cancellationToken)
    {
        JsonObject card = await RenderAsync(dialog, [], null, null, turn.Activity, cancellationToken);
        ResourceResponse posted = await connector.SendToConversationAsync(
            turn.Activity.ServiceUrl!, dialog.Location.ThreadId, KaartPublisher.CardMessage(card), cancellationToken);
        if (posted.Id is { Length: > 0 } postedId)
        {
            // Remembered beyond the dialog's current card: deleting the casus replaces every step card it had.
            await store.RecordPostedMessageAsync(dialog.KaartId, new PostedMessage(dialog.Location.ThreadId, postedId, IsCard: true), cancellationToken);
        }

        try
        {
            await store.SaveDialogAsync(dialog with { CardActivityId = posted.Id }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone already answered on the new card: the answer's replyToId tells us the card anyway.
        }
    }

    /// <summary>
    /// Saves the completed dialog as a new version of the kaart, in one commit with its outbox (indexes, evaluation
    /// reminder, the shared card); those follow from the commit. Returns the dialog as stored.
    /// </summary>
    private async Task<DialogState> CompleteAsync(DialogState completed, Activity activity, CancellationToken cancellationToken)
    {
        Kaart? existing = completed.IsUpdate ? await store.GetKaartAsync(completed.KaartId, cancellationToken) : null;
        DateTimeOffset now = time.GetUtcNow();
        Kaart kaart = new()
        {
            Id = completed.KaartId,
            Casus = completed.Casus,
            Location = completed.Location with { ServiceUrl = activity.ServiceUrl ?? completed.Location.ServiceUrl },
            Content = Merged(completed, existing),
            Version = (existing?.Version ?? 0) + 1,
            Status = KaartStatus.Actief,
            CardActivityId = existing?.CardActivityId,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = Actor(activity),
            ETag = existing?.ETag,
        };

        Kaart saved = await relay.CommitVersionAsync(kaart, existing, completed, activity.Recipient?.Id, cancellationToken);
        logger.KaartSaved(TurnKeyFactory.ForLog(saved.Id), saved.Version, saved.Content.Professionals.Count);
        return completed with { ETag = null };
    }

    /// <summary>
    /// The draft, with what was decided on the kaart while it was being updated: an evaluation answered meanwhile
    /// ("Afspraken blijven staan" set a later evaluatiedatum) is not moved back by saving the draft.
    /// </summary>
    private static KaartContent Merged(DialogState completed, Kaart? existing)
    {
        KaartContent draft = completed.Draft;
        if (existing is null || completed.BaseVersion == 0 || existing.Version == completed.BaseVersion
            || existing.Content.Evaluatiedatum is not DateOnly meanwhile || draft.Evaluatiedatum >= meanwhile)
        {
            return draft;
        }

        return draft with { Evaluatiedatum = meanwhile };
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

        await relay.EraseAsync(cancelled.KaartId, RegieTexts.CancelledNotice, cancelled.CardActivityId, cancellationToken);
        logger.CancelledKaartErased(TurnKeyFactory.ForLog(cancelled.KaartId));
        return true;
    }

    private async Task<JsonObject> RenderAsync(
        DialogState state, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? pending,
        IReadOnlyList<TeamMember>? roster, Activity activity, CancellationToken cancellationToken)
    {
        if (state.Status == DialogStatus.Open && state.Step == DialogStep.Professionals)
        {
            roster ??= await members.ListAsync(activity, cancellationToken);
        }

        return dialogCard.Build(state, errors, pending, roster ?? []);
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

    private static DialogAction ParseAction(string? action) => action switch
    {
        "volgende" => DialogAction.Next,
        "vorige" => DialogAction.Back,
        "annuleren" => DialogAction.Cancel,
        "toevoegen" => DialogAction.AddProfessional,
        "verwijderen" => DialogAction.RemoveProfessional,
        _ => (DialogAction)(-1),
    };

    internal static string Actor(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";

    /// <summary>How a card names someone: see <see cref="PersonNames.Of"/>.</summary>
    internal static string Who(Kaart kaart, string? aadObjectId, string? teamsName) =>
        PersonNames.Of(kaart.Content, aadObjectId, teamsName);

    internal static KaartLocation Location(Activity activity)
    {
        string thread = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        TeamsChannelData? channelData = activity.GetTeamsChannelData();
        return new KaartLocation(
            thread,
            channelData?.Channel?.Id ?? KaartLocation.ChannelOf(thread),
            channelData?.Team?.Id,
            activity.GetTenantId(),
            activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."));
    }

    private static string NewKaartId() => "k" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16];
}
