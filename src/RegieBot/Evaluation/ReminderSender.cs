using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Evaluation;

/// <summary>
/// Posts a due reminder into the kaart's thread, proactively, with the stored conversation reference. After an
/// evaluation it schedules the one escalation that follows if nobody answers within a week.
/// </summary>
internal sealed class ReminderSender(
    IKaartVersionStore kaarten,
    ICasusRecordStore records,
    IKaartIndex index,
    Domain.Outbox.IOutboxStore outbox,
    CasusMessages messages,
    EvaluationCard evaluationCard,
    EscalationCard escalationCard,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderSender> logger) : IReminderSender
{
    public async Task<ReminderDelivery> SendAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        Kaart? kaart = await kaarten.GetKaartAsync(reminder.KaartId, cancellationToken);
        // A casus whose erasure has started is gone for the users ("RegieBot bewaart niets meer van deze casus"), also
        // while its rows are still being deleted, or after a crash before the sweep finished that: it never speaks again.
        if (kaart is null || kaart.Status == KaartStatus.Afgesloten || await outbox.IsErasingAsync(kaart.Id, cancellationToken))
        {
            return new ReminderDelivery(ReminderDeliveryOutcome.Obsolete);
        }

        string reason = EvaluationTexts.Unanswered(kaart.Content.Evaluatiedatum);
        JsonObject card = reminder.Kind == ReminderKind.Evaluatie
            ? evaluationCard.Build(kaart)
            : escalationCard.Build(kaart, "RegieBot", reason);
        string? posted;
        try
        {
            // Recorded with the casus before it is sent, under the reminder's own id: a repeat after a crash (the lease
            // ran out) finds it was posted and does not post it again; erasure replaces it like every other post.
            posted = await messages.PostRecordedAsync(kaart.Id, reminder.PostId, card, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The bot was removed from the team, or the thread is gone: it never will be delivered.
            return new ReminderDelivery(ReminderDeliveryOutcome.Undeliverable);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Our own credentials (an expired secret, a missing role): an operator must act; the reminder waits for them.
            logger.ReminderUnauthorized(reminder.Kind.ToString(), Bot.TurnKeyFactory.ForLog(reminder.KaartId));
            return new ReminderDelivery(ReminderDeliveryOutcome.RetryLater);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ReminderDelivery(ReminderDeliveryOutcome.RetryLater);
        }

        if (posted is null)
        {
            return new ReminderDelivery(ReminderDeliveryOutcome.Obsolete);   // erased meanwhile
        }

        if (reminder.Kind == ReminderKind.Escalation)
        {
            // Recorded like an opschalen, so status and geschiedenis show it; keyed by the reminder, so a repeat is the same row.
            await records.AddEscalationAsync(kaart.Id, Escalation.BotActor, reason, reminder.ScheduledFor ?? reminder.DueAt, cancellationToken);
            await index.ApplySummaryAsync(kaart.Id, null, cancellationToken);   // the channel tab shows it (a read and a write)
            return new ReminderDelivery(ReminderDeliveryOutcome.Sent, posted);
        }

        // The channel tab tells when the card waits unanswered for more than a week: one write, before the send is marked,
        // so a repeat after a crash writes it again.
        await index.RecordEvaluationSentAsync(kaart.Location.ThreadId, time.GetUtcNow(), cancellationToken);

        // A week after the send was first tried, not after this attempt: a send repeated after a crash (the lease ran out)
        // schedules the same row again instead of a second one beside it. It is scheduled with the mark of this send, so
        // a send that lost the race to "Herinner over een week" or a save schedules no escalation.
        Reminder escalation = reminder with
        {
            Kind = ReminderKind.Escalation,
            DueAt = options.Value.Schedule.EscalationDue(reminder.FirstClaimedAt ?? time.GetUtcNow()),
            Attempts = 0,
            ClaimedUntil = null,
            FirstClaimedAt = null,
            ETag = null,
            PointerETag = null,
            PointerRowKey = null,
        };
        return new ReminderDelivery(ReminderDeliveryOutcome.Sent, posted, escalation);
    }
}
