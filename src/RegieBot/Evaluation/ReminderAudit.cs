using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;

namespace RegieBot.Evaluation;

/// <summary>
/// The daily check of the reminder invariant: every active kaart has its evaluation reminder. A kaart without one, or
/// with a pointer that names a due row that is gone, is scheduled again (at the moment the pointer names, else at the
/// kaart's own evaluation moment). Commits schedule reminders through the outbox, so this finds only what an older
/// version or a storage fault left; it is idempotent, so every instance may run it.
/// </summary>
internal sealed class ReminderAudit(
    IKaartVersionStore store,
    IReminderStore reminders,
    IOutboxStore outbox,
    ReminderScheduler scheduler,
    Outbox.OutboxRelay relay,
    ILogger<ReminderAudit> logger)
{
    /// <returns>How many kaarten were repaired.</returns>
    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        int checkedKaarten = 0;
        int repaired = 0;
        await foreach (Kaart kaart in store.ListActiveAsync(cancellationToken))
        {
            checkedKaarten++;
            // One read of the pointer: it says whether the reminder is lost and, if so, the moment it still names.
            if (await reminders.FindLostAsync(kaart.Id, ReminderKind.Evaluatie, cancellationToken) is not { } lost
                || (await outbox.GetItemsAsync(kaart.Id, cancellationToken)).Count > 0)
            {
                continue;   // in step, or an operation's own effects are still on their way (the relay schedules it)
            }

            await scheduler.ScheduleEvaluationAsync(kaart, botId: null, lost.ScheduledAt, cancellationToken);
            await UndoIfGoneAsync(kaart.Id, cancellationToken);
            repaired++;
            logger.ReminderRepaired(TurnKeyFactory.ForLog(kaart.Id));
        }

        logger.ReminderAuditDone(checkedKaarten, repaired);
        return repaired;
    }

    /// <summary>A kaart closed or erased while it was repaired keeps no reminder.</summary>
    private async Task UndoIfGoneAsync(string kaartId, CancellationToken cancellationToken)
    {
        Kaart? now = await store.GetKaartAsync(kaartId, cancellationToken);
        if (now is null)
        {
            await relay.EraseAsync(kaartId, CasusTexts.RemovedFallbackNotice, keepActivityId: null, cancellationToken);
        }
        else if (now.Status != KaartStatus.Actief)
        {
            await scheduler.StopAsync(kaartId, cancellationToken);
        }
    }
}
