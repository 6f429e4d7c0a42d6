using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;

namespace RegieBot.Privacy;

/// <summary>
/// One pass of the retention job: erases every closed casus whose retention period is over. Reads only due
/// entries of the retention index. Safe on several instances at once: erasing is idempotent.
/// </summary>
internal sealed class RetentionSweeper(
    IRetentionIndex index,
    IKaartVersionStore store,
    CasusEraser eraser,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger)
{
    private const int MaxBatchesPerSweep = 20;

    /// <returns>How many cases were erased.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        int batchSize = options.Value.RetentionBatchSize;
        int erased = 0;
        HashSet<string> failed = new(StringComparer.Ordinal);
        for (int batch = 0; batch < MaxBatchesPerSweep; batch++)
        {
            DateTimeOffset now = time.GetUtcNow();
            IReadOnlyList<RetentionEntry> due = await index.GetDueAsync(now, batchSize, cancellationToken);
            int handled = 0;
            foreach (RetentionEntry entry in due.Where(e => !failed.Contains(e.KaartId)))
            {
                try
                {
                    erased += await HandleAsync(entry, now, cancellationToken) ? 1 : 0;
                    handled++;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // The entry stays, so the next sweep tries again; the other cases go on.
                    failed.Add(entry.KaartId);
                    logger.RetentionEraseFailed(ex, TurnKeyFactory.ForLog(entry.KaartId));
                }
            }

            if (due.Count < batchSize || handled == 0)
            {
                break;
            }
        }

        if (erased > 0)
        {
            logger.RetentionSwept(erased);
        }

        return erased;
    }

    private async Task<bool> HandleAsync(RetentionEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Kaart? kaart = await store.GetKaartAsync(entry.KaartId, cancellationToken);
        if (kaart is not null && !RetentionPolicy.IsDue(kaart, now))
        {
            // The kaart's own close record decides: an entry of a close that did not happen (or happened later) is stale,
            // and a closed kaart keeps an entry at its own moment.
            if (kaart.Closure is { } closure && closure.RetentionDueAt != entry.DueAt)
            {
                await index.ScheduleAsync(new RetentionEntry(kaart.Id, closure.RetentionDueAt), cancellationToken);
            }

            await index.RemoveAsync(entry, cancellationToken);
            logger.RetentionEntryStale(TurnKeyFactory.ForLog(entry.KaartId));
            return false;
        }

        await eraser.EraseAsync(entry.KaartId, RemovedCard.ExpiredText(now), keepActivityId: null, cancellationToken);
        await index.RemoveAsync(entry, cancellationToken);
        return true;
    }
}
