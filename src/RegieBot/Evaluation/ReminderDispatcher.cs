using Microsoft.Extensions.Options;
using RegieBot.Common;
using RegieBot.Domain.Reminders;

namespace RegieBot.Evaluation;

/// <summary>
/// One sweep: finds due reminders, claims each (so no other instance sends it), sends it at a steady pace,
/// and records the outcome. A failed delivery is retried later without holding up the others. With a real evaluation
/// period nothing is sent outside Dutch working hours, whenever it became due.
/// </summary>
public sealed class ReminderDispatcher(
    IReminderStore store,
    IReminderSender sender,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderDispatcher> logger,
    Operations.RegieTelemetry? telemetry = null)
{
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        ReminderOptions settings = options.Value;
        DateTimeOffset start = time.GetUtcNow();
        IReadOnlyList<Reminder> due = await store.GetDueAsync(start, settings.BatchSize, cancellationToken);
        if (due.Count > 0 && !settings.Schedule.Period.IsShorterThanADay && !Domain.Scheduling.DutchCalendar.IsWorkingMoment(start))
        {
            // Due moments are set in working hours, but a backlog (after an outage, or a lease that ran out) can be
            // found at night or in the weekend: it waits for the next working moment instead of being posted now.
            logger.RemindersWaitForWorkingHours(due.Count, Domain.Scheduling.DutchCalendar.NextWorkingMoment(start));
            return 0;
        }

        TimeSpan pace = TimeSpan.FromSeconds(1.0 / settings.MaxSendsPerSecond);
        int sent = 0;
        bool first = true;
        foreach (Reminder reminder in due)
        {
            if (!first)
            {
                await Task.Delay(pace, time, cancellationToken);   // a steady pace, so a burst is spread, not refused
            }

            first = false;
            DateTimeOffset now = time.GetUtcNow();
            Reminder? claimed = await store.TryClaimAsync(reminder, now, now + settings.ClaimLease, cancellationToken);
            if (claimed is null)
            {
                continue;   // another instance has it
            }

            ReminderDelivery delivery = await sender.SendAsync(claimed, cancellationToken);
            string kaart = Bot.TurnKeyFactory.ForLog(claimed.KaartId);
            if (delivery.Outcome != ReminderDeliveryOutcome.Obsolete)
            {
                telemetry?.RecordReminder(claimed.Kind.ToString(), delivery.Outcome.ToString());
            }

            // Each outcome is written only if the reminder was not moved, cancelled or erased while it was sent (false):
            // then that newer state stands, and nothing follows from this send.
            bool written;
            switch (delivery.Outcome)
            {
                case ReminderDeliveryOutcome.Sent:
                    written = await store.MarkSentAsync(claimed, delivery.ActivityId, time.GetUtcNow(), delivery.FollowUp, cancellationToken);
                    logger.ReminderSent(claimed.Kind.ToString(), kaart);
                    sent++;
                    break;
                case ReminderDeliveryOutcome.RetryLater:
                    TimeSpan wait = settings.RetryDelay * Math.Pow(2, Math.Min(claimed.Attempts, 6));
                    written = await store.RetryLaterAsync(claimed, time.GetUtcNow() + wait, cancellationToken);
                    logger.ReminderRetryLater(claimed.Kind.ToString(), kaart, claimed.Attempts + 1);
                    break;
                case ReminderDeliveryOutcome.Undeliverable:
                    written = await store.MarkUndeliverableAsync(claimed, cancellationToken);
                    logger.ReminderUndeliverable(claimed.Kind.ToString(), kaart);
                    break;
                default:
                    await store.DropAsync(claimed, cancellationToken);
                    logger.ReminderObsolete(claimed.Kind.ToString(), kaart);
                    written = true;
                    break;
            }

            if (!written)
            {
                logger.ReminderSuperseded(claimed.Kind.ToString(), kaart);
            }
        }

        return sent;
    }
}
