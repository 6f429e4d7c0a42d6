namespace RegieBot.Domain.Outbox;

/// <summary>
/// The outbox of the kaarten (items in each kaart's partition) and the work table of intents that lets any instance
/// find and finish what a crashed or slow one left.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Records, before a commit, that the kaart may have outbox items; returns the intent as written.</summary>
    Task<PendingWork> MarkPendingAsync(string kaartId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Records a tombstone: the casus is erased everywhere, now or by the next sweep.</summary>
    Task<PendingWork> MarkEraseAsync(string kaartId, string notice, string? keepActivityId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>True while the casus has a tombstone: it is being erased and is shown nowhere any more.</summary>
    Task<bool> IsErasingAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>The casussen with a tombstone (being erased) now, in one query: normally none or a few.</summary>
    Task<IReadOnlySet<string>> ListErasingAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxItem>> GetItemsAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>Removes applied items (idempotent): one request for all of them (they share the kaart's partition).</summary>
    Task CompleteAsync(string kaartId, IReadOnlyCollection<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>Intents whose moment has come (tombstones and pending work), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PendingWork>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Takes the intent for this instance until <paramref name="leaseUntil"/>; null when another took or finished it.</summary>
    Task<PendingWork?> TryClaimAsync(PendingWork work, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease on the intent as <paramref name="work"/> holds it until <paramref name="leaseUntil"/> (not an
    /// attempt of its own); null when another instance claimed it or a newer operation marked it again meanwhile.
    /// </summary>
    Task<PendingWork?> RenewAsync(PendingWork work, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Drops the intent, only while it is as <paramref name="work"/> read it (a newer operation's intent stays).</summary>
    Task<bool> ReleaseAsync(PendingWork work, CancellationToken cancellationToken);
}
