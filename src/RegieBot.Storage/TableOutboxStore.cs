using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Privacy;

namespace RegieBot.Storage;

/// <summary>
/// Outbox items live in the kaart's partition (RowKey <c>x-{id}</c>), written in the operation's own transaction by
/// <see cref="TableKaartStore"/>. Intents live in the <c>Work</c> table: partition <c>pending</c> (the kaart may have
/// items left) or <c>erase</c> (a tombstone), RowKey the kaart, with the moment from which the sweep may take them.
/// Both partitions stay small: an intent is dropped as soon as its work is done.
/// </summary>
public sealed class TableOutboxStore(RegieTables tables) : IOutboxStore, ICasusDataEraser
{
    internal const string ItemPrefix = "x-";

    private TableClient Work => tables.Get(RegieTables.Work);

    private TableClient Kaarten => tables.Get(RegieTables.Kaarten);

    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Work];

    EraseStage ICasusDataEraser.Stage => EraseStage.AfterKaart;

    public Task<PendingWork> MarkPendingAsync(string kaartId, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        MarkAsync(new PendingWork(kaartId, Erase: false, notBefore), cancellationToken);

    public Task<PendingWork> MarkEraseAsync(string kaartId, string notice, string? keepActivityId, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        MarkAsync(new PendingWork(kaartId, Erase: true, notBefore) { KeepActivityId = keepActivityId, Notice = notice }, cancellationToken);

    public async Task<bool> IsErasingAsync(string kaartId, CancellationToken cancellationToken) =>
        (await Work.GetEntityIfExistsAsync<TableEntity>(PendingWorkEntity.ErasePartition, TableKey.Encode(kaartId), select: [nameof(PendingWorkEntity.NotBefore)], cancellationToken: cancellationToken)).HasValue;

    public async Task<IReadOnlyList<OutboxItem>> GetItemsAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {ItemPrefix} and RowKey lt {"x."}");
        List<OutboxItem> items = [];
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(OutboxItemEntity.ToItem(entity));
        }

        return items;
    }

    public Task CompleteAsync(string kaartId, IReadOnlyCollection<OutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0
            ? Task.CompletedTask
            : TableErase.DeleteRowsAsync(Kaarten, TableKey.Encode(kaartId), [.. items.Select(i => ItemPrefix + TableKey.Encode(i.Id)).Distinct(StringComparer.Ordinal)], cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ListErasingAsync(CancellationToken cancellationToken)
    {
        HashSet<string> erasing = new(StringComparer.Ordinal);
        await foreach (TableEntity entity in Work.QueryAsync<TableEntity>(
            e => e.PartitionKey == PendingWorkEntity.ErasePartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            erasing.Add(TableKey.Decode(entity.RowKey));
        }

        return erasing;
    }

    public async Task<IReadOnlyList<PendingWork>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        List<PendingWork> due = [];
        foreach (string partition in new[] { PendingWorkEntity.ErasePartition, PendingWorkEntity.PendingPartition })
        {
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and NotBefore le {now.ToUniversalTime()}");
            await foreach (TableEntity entity in Work.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
            {
                due.Add(PendingWorkEntity.ToWork(entity));
                if (due.Count == max)
                {
                    return due;
                }
            }
        }

        return due;
    }

    public Task<PendingWork?> TryClaimAsync(PendingWork work, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteLeaseAsync(work, work with { NotBefore = leaseUntil, Attempts = work.Attempts + 1 }, cancellationToken);
    }

    public Task<PendingWork?> RenewAsync(PendingWork work, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteLeaseAsync(work, work with { NotBefore = leaseUntil }, cancellationToken);
    }

    private async Task<PendingWork?> WriteLeaseAsync(PendingWork work, PendingWork claimed, CancellationToken cancellationToken)
    {
        try
        {
            Response response = await Work.UpdateEntityAsync(PendingWorkEntity.ToTableEntity(claimed), work.ETag is null ? ETag.All : new ETag(work.ETag), TableUpdateMode.Replace, cancellationToken);
            return claimed with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ReleaseAsync(PendingWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ETag etag = work.ETag is null ? ETag.All : new ETag(work.ETag);
        return await TableErase.DeleteAsync(Work, PendingWorkEntity.Partition(work.Erase), TableKey.Encode(work.KaartId), etag, cancellationToken) == 1;
    }

    /// <summary>Only the pending intent: a tombstone stays until the erasure it stands for is done (and then goes by itself).</summary>
    Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        return TableErase.DeleteAsync(Work, PendingWorkEntity.PendingPartition, TableKey.Encode(casus.KaartId), ETag.All, cancellationToken);
    }

    private async Task<PendingWork> MarkAsync(PendingWork work, CancellationToken cancellationToken)
    {
        Response response = await Work.UpsertEntityAsync(PendingWorkEntity.ToTableEntity(work), TableUpdateMode.Replace, cancellationToken);
        return work with { ETag = response.Headers.ETag?.ToString() };
    }
}
