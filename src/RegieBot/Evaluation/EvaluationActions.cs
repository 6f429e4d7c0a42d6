using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Scheduling;
using RegieBot.Domain.Validation;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Evaluation;

/// <summary>
/// The answers to an evaluation card ("Afspraken blijven staan", "Herinner over een week") and opschalen,
/// by command or from the kaart card.
/// </summary>
internal sealed class EvaluationActions(
    IKaartVersionStore store,
    ReminderScheduler scheduler,
    Outbox.OutboxRelay relay,
    EvaluationCard evaluationCard,
    EscalationCard escalationCard,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<EvaluationActions> logger)
{
    public const string EscalateVerb = "opschalen";

    /// <summary>The answer on the evaluation card of <paramref name="kaart"/>, which the gate found in this thread.</summary>
    public async Task<InvokeResponse> AnswerAsync(TurnContext turn, CardAction action, Kaart kaart, CancellationToken cancellationToken)
    {
        if (kaart.Status == KaartStatus.Afgesloten)
        {
            return InvokeResponse.Message(CasusTexts.Closed(kaart.Casus));
        }

        DateTimeOffset now = time.GetUtcNow();
        string who = ActorNames.Who(kaart, turn.Activity.From?.AadObjectId, turn.Activity.From?.Name);
        string? cardId = turn.Activity.ReplyToId;
        JsonObject card;
        if (action["keuze"] == "later")
        {
            DateTimeOffset later = scheduler.Later(now);
            string? botId = turn.Activity.Recipient?.Id;
            card = evaluationCard.Build(kaart, EvaluationTexts.Postponed(who, later));
            string shown = card.ToJsonString();
            await relay.CommitAsync(
                kaart.Id,
                token => new KaartCommit(kaart.Id, token, [OutboxItem.Of(token, OutboxEffect.Evaluation) with { BotId = botId, DueAt = later }, .. Answered(token, cardId, shown)]),
                cancellationToken);
        }
        else
        {
            EvaluationSchedule schedule = options.Value.Schedule;
            Kaart next = kaart with
            {
                Content = kaart.Content with { Evaluatiedatum = schedule.EvaluationDate(DutchCalendar.Today(now)) },
                Version = kaart.Version + 1,
                UpdatedAt = now,
                UpdatedBy = ActorNames.Actor(turn.Activity),
            };
            card = evaluationCard.Build(next, EvaluationTexts.AgreementsStand(who, now, next.Content.Evaluatiedatum));
            string shown = card.ToJsonString();
            try
            {
                await relay.CommitVersionAsync(next, kaart, null, turn.Activity.Recipient?.Id, cancellationToken, token => Answered(token, cardId, shown));
            }
            catch (ConcurrencyConflictException)
            {
                return InvokeResponse.Message(CasusTexts.ChangedMeanwhile);
            }
        }

        // Everyone's card shows the answer through the relay, in the answer's own commit; the clicker has it already.
        logger.EvaluationAnswered(TurnKeyFactory.ForLog(kaart.Id), action["keuze"] == "later" ? "later" : "blijven");
        return InvokeResponse.Card(card);
    }

    /// <summary>The evaluation card that was answered (the message the click came from) shows the answer for everyone.</summary>
    private static IEnumerable<OutboxItem> Answered(string token, string? cardId, string card) =>
        cardId is null ? [] : [OutboxItem.Update(token, cardId, card)];

    /// <summary><c>opschalen &lt;reden&gt;</c> in the casus thread, or the button on the kaart.</summary>
    public async Task<string?> EscalateAsync(TurnContext turn, string kaartId, string reason, CancellationToken cancellationToken)
    {
        string reden = TextInput.Clean(reason, keepLineBreaks: true);
        if (reden.Length == 0)
        {
            return EvaluationTexts.EscalateWithoutReason;
        }

        if (TextInput.Check(EvaluationTexts.ReasonLabel, reden, Limits.ReasonMaxLength, required: true) is { } problem)
        {
            return problem;
        }

        Kaart? kaart = await store.GetKaartAsync(kaartId, cancellationToken);
        if (kaart is null)
        {
            return Texts.KaartGone;
        }

        // The escalation and its card in one commit: the card is posted (and recorded) by the relay, never lost or posted
        // twice; the channel tab's summary follows it.
        Escalation escalation = new(ActorNames.Actor(turn.Activity), reden, time.GetUtcNow());
        string card = escalationCard.Build(kaart, ActorNames.Who(kaart, turn.Activity.From?.AadObjectId, turn.Activity.From?.Name), reden).ToJsonString();
        await relay.CommitAsync(
            kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card), OutboxItem.Of(token, OutboxEffect.Summary)]) { Escalation = escalation }, cancellationToken);
        logger.Escalated(TurnKeyFactory.ForLog(kaart.Id));
        return null;
    }
}
