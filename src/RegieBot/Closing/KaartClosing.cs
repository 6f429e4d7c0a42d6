using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Validation;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Closing;

/// <summary>
/// <c>afsluiten</c> (the command, and "Casus afsluiten" on the kaart): asks which afschaal-criterion applies,
/// then closes the casus. Closing is a status change of the kaart row with its close record (conditional on
/// its ETag), not a new version: the agreements themselves do not change. In the same commit it leaves to the relay:
/// the indexes say closed, the deletion of the casus after the retention period is scheduled, its reminders stop and
/// the kaart card is updated in place.
/// </summary>
internal sealed class KaartClosing(
    IKaartVersionStore store,
    IDialogStore dialogs,
    KaartPublisher publisher,
    Outbox.OutboxRelay relay,
    CasusLocator locator,
    CloseCard closeCard,
    TimeProvider time,
    IOptions<PrivacyOptions> options,
    ILogger<KaartClosing> logger)
{
    private const int MaxCloseAttempts = 3;

    /// <summary>What a close leaves to the relay: the indexes say closed, the retention entry, no reminders, the card.</summary>
    private static readonly OutboxEffect[] CloseEffects = [OutboxEffect.Indexes, OutboxEffect.Evaluation, OutboxEffect.Retention, OutboxEffect.KaartCard];

    /// <summary>The command: posts the question in the casus's thread.</summary>
    public async Task AskAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await locator.FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        string? refusal = !thread.Saved ? CasusTexts.NoSavedKaart
            : await store.GetKaartAsync(thread.KaartId, cancellationToken) is { } kaart ? await PostQuestionAsync(kaart, cancellationToken)
            : Texts.KaartGone;
        if (refusal is not null)
        {
            await turn.SendPlainTextAsync(refusal, cancellationToken);
        }
        else if (!string.Equals(thread.ThreadId, turn.Activity.Conversation?.Id, StringComparison.Ordinal))
        {
            await turn.SendPlainTextAsync(ClosingTexts.CloseAsked, cancellationToken);
        }
    }

    /// <summary>"Casus afsluiten" on the kaart card (or on an evaluation reminder): posts the question in the thread.</summary>
    public async Task<InvokeResponse> AskFromCardAsync(Kaart kaart, CancellationToken cancellationToken) =>
        InvokeResponse.Message(await PostQuestionAsync(kaart, cancellationToken) ?? ClosingTexts.CloseAsked);

    /// <summary>The answer on the question card: validates it and closes the casus.</summary>
    public async Task<InvokeResponse> CloseAsync(TurnContext turn, CardAction action, Kaart kaart, CancellationToken cancellationToken)
    {
        if (kaart.Status == KaartStatus.Afgesloten)
        {
            return InvokeResponse.Card(closeCard.Closed(kaart, ActorNames.Who(kaart, kaart.Closure?.ClosedBy, null)));
        }

        if (await dialogs.GetDialogAsync(kaart.Id, cancellationToken) is { Status: DialogStatus.Open })
        {
            return InvokeResponse.Message(ClosingTexts.CloseWhileUpdating(kaart.Casus));
        }

        string overgedragenAan = TextInput.Clean(action[CloseCard.OvergedragenAanField]);
        (AfschaalCriterium criterium, List<string> errors) = Validate(action[CloseCard.CriteriumField], overgedragenAan);
        if (errors.Count > 0)
        {
            Dictionary<string, string> pending = new(StringComparer.Ordinal)
            {
                [CloseCard.CriteriumField] = action[CloseCard.CriteriumField] ?? string.Empty,
                [CloseCard.OvergedragenAanField] = overgedragenAan,
            };
            return InvokeResponse.Card(closeCard.Ask(kaart, errors, pending));
        }

        DateTimeOffset now = time.GetUtcNow();
        string actor = ActorNames.Actor(turn.Activity);
        KaartClosure closure = new(
            criterium,
            criterium == AfschaalCriterium.RegieOvergedragen ? overgedragenAan : null,   // only what the criterion needs is stored
            now,
            actor,
            RetentionPolicy.DueAt(now, options.Value.Retention));

        // Someone else closing at the same moment wins the commit; theirs counts and nothing of ours was written.
        Kaart? closed = await CloseWithRetryAsync(kaart, closure, turn, cancellationToken);
        if (closed is null)
        {
            return InvokeResponse.Message(Texts.KaartGone);
        }

        if (closed.Closure == closure)
        {
            logger.KaartClosed(TurnKeyFactory.ForLog(closed.Id), criterium.ToString());
            return InvokeResponse.Card(ClosedCard(closed, turn));   // everyone's question card follows in the close's own commit
        }

        JsonObject card = closeCard.Closed(closed, ActorNames.Who(closed, closed.Closure?.ClosedBy, null));
        FollowQuestionCard(turn, closed, card);
        return InvokeResponse.Card(card);
    }

    public InvokeResponse Cancel(TurnContext turn, Kaart kaart)
    {
        JsonObject card = kaart.Status == KaartStatus.Afgesloten
            ? closeCard.Closed(kaart, ActorNames.Who(kaart, kaart.Closure?.ClosedBy, null))
            : closeCard.Cancelled(kaart);
        FollowQuestionCard(turn, kaart, card);
        return InvokeResponse.Card(card);
    }

    /// <summary>Posts the afschaal-question in the kaart's thread; returns why not when it cannot be asked.</summary>
    private async Task<string?> PostQuestionAsync(Kaart kaart, CancellationToken cancellationToken)
    {
        if (kaart.Status == KaartStatus.Afgesloten)
        {
            return ClosingTexts.AlreadyClosed(kaart.Casus);
        }

        if (await dialogs.GetDialogAsync(kaart.Id, cancellationToken) is { Status: DialogStatus.Open })
        {
            return ClosingTexts.CloseWhileUpdating(kaart.Casus);
        }

        string question = closeCard.Ask(kaart, [], null).ToJsonString();
        await relay.CommitAsync(kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, question)]), cancellationToken);
        return null;
    }

    private static (AfschaalCriterium Criterium, List<string> Errors) Validate(string? criterium, string overgedragenAan)
    {
        List<string> errors = [];
        AfschaalCriterium chosen = int.TryParse(criterium, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            && AfschaalCriteria.Text.ContainsKey((AfschaalCriterium)value)
                ? (AfschaalCriterium)value
                : AfschaalCriterium.None;
        if (chosen == AfschaalCriterium.None)
        {
            errors.Add(ClosingTexts.ChooseCriterion);
        }
        else if (chosen == AfschaalCriterium.RegieOvergedragen
            && TextInput.Check(ClosingTexts.OvergedragenAanLabel, overgedragenAan, Limits.OvergedragenAanMaxLength, required: true) is { } problem)
        {
            errors.Add(problem);
        }

        return (chosen, errors);
    }

    /// <summary>Closing only changes the kaart row; when it was written meanwhile (a card id, a version), read it again.</summary>
    private async Task<Kaart?> CloseWithRetryAsync(Kaart kaart, KaartClosure closure, TurnContext turn, CancellationToken cancellationToken)
    {
        Kaart? current = kaart;
        for (int attempt = 1; current is not null; attempt++)
        {
            if (current.Status == KaartStatus.Afgesloten)
            {
                return current;
            }

            Kaart next = current with { Status = KaartStatus.Afgesloten, Closure = closure };
            string? questionId = turn.Activity.ReplyToId;
            string question = ClosedCard(next, turn).ToJsonString();
            try
            {
                return await relay.CommitAsync(
                    kaart.Id,
                    token => new KaartCommit(
                        kaart.Id,
                        token,
                        [.. CloseEffects.Select(e => OutboxItem.Of(token, e)), .. questionId is null ? [] : new[] { OutboxItem.Update(token, questionId, question) }])
                    {
                        Kaart = next,
                    },
                    cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxCloseAttempts)
            {
                current = await store.GetKaartAsync(kaart.Id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The question card after this turn's close, naming who closed it.</summary>
    private JsonObject ClosedCard(Kaart closed, TurnContext turn) =>
        closeCard.Closed(closed, ActorNames.Who(closed, closed.Closure?.ClosedBy, turn.Activity.From?.Name));

    /// <summary>Everyone's question card shows the answer; the clicker has it already, so the click does not wait for Teams.</summary>
    private void FollowQuestionCard(TurnContext turn, Kaart kaart, JsonObject card)
    {
        (string kaartId, string serviceUrl, string threadId, string? questionId) = (kaart.Id, kaart.Location.ServiceUrl, kaart.Location.ThreadId, turn.Activity.ReplyToId);
        relay.Follow(kaartId, ct => publisher.UpdateCardAsync(kaartId, serviceUrl, threadId, questionId, card, ct));
    }
}
