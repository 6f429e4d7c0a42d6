using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Privacy;

namespace RegieBot.Storage;

/// <summary>
/// The <c>Retention</c> table: one row per closed casus, partitioned by the UTC day its data is due for
/// deletion (<c>yyyyMMdd</c>), row key the kaart id. Due entries are a range query over the partitions up to
/// today: the days still to come are never read.
/// </summary>
public sealed class TableRetentionIndex(RegieTables tables) : IRetentionIndex, ICasusDataEraser
{
    private TableClient Table => tables.Get(RegieTables.Retention);

    public IReadOnlyList<string> Tables { get; } = [RegieTables.Retention];

    public EraseStage Stage => EraseStage.AfterKaart;

    public async Task ScheduleAsync(RetentionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableEntity entity = new(Day(entry.DueAt), TableKey.Encode(entry.KaartId))
        {
            ["KaartId"] = entry.KaartId,
            ["DueAt"] = entry.DueAt.ToUniversalTime(),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<RetentionEntry>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        string filter = TableClient.CreateQueryFilter($"PartitionKey le {Day(now)} and DueAt le {now.ToUniversalTime()}");
        List<RetentionEntry> due = [];
        await foreach (TableEntity entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            due.Add(new RetentionEntry(TableKey.Decode(entity.RowKey), entity.GetDateTimeOffset("DueAt") ?? now));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>
    /// Only while the row still holds this entry's moment, with the ETag it was read with: two closes of one kaart on
    /// the same day share the row, and the loser's remove must not delete the winner's entry.
    /// </summary>
    public async Task RemoveAsync(RetentionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        NullableResponse<TableEntity> row = await Table.GetEntityIfExistsAsync<TableEntity>(Day(entry.DueAt), TableKey.Encode(entry.KaartId), cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetDateTimeOffset("DueAt") == entry.DueAt.ToUniversalTime())
        {
            await TableErase.DeleteAsync(Table, row.Value.PartitionKey, row.Value.RowKey, row.Value.ETag, cancellationToken);
        }
    }

    public async Task<int> EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        return casus.RetentionDueAt is { } dueAt
            ? await TableErase.DeleteAsync(Table, Day(dueAt), TableKey.Encode(casus.KaartId), ETag.All, cancellationToken)
            : 0;
    }

    internal static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
