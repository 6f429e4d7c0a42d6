using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Outbox;

namespace RegieBot.Storage;

/// <summary>An intent in the <c>Work</c> table: partition <c>pending</c> or <c>erase</c>, row the encoded kaart id.</summary>
public sealed class PendingWorkEntity : ITableEntity
{
    internal const string PendingPartition = "pending";
    internal const string ErasePartition = "erase";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The moment from which the sweep may take the intent, in UTC.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public int? Attempts { get; set; }
    public string? KeepActivityId { get; set; }
    public string? Notice { get; set; }

    internal static string Partition(bool erase) => erase ? ErasePartition : PendingPartition;

    internal static TableEntity ToTableEntity(PendingWork work) => TypedRow.ToTableEntity(new PendingWorkEntity
    {
        PartitionKey = Partition(work.Erase),
        RowKey = TableKey.Encode(work.KaartId),
        NotBefore = work.NotBefore.ToUniversalTime(),
        Attempts = work.Attempts,
        KeepActivityId = work.KeepActivityId,
        Notice = work.Notice,
    });

    internal static PendingWork ToWork(TableEntity stored)
    {
        PendingWorkEntity entity = TypedRow.Read<PendingWorkEntity>(stored);
        return new(TableKey.Decode(entity.RowKey), entity.PartitionKey == ErasePartition, entity.NotBefore ?? default)
        {
            Attempts = entity.Attempts ?? 0,
            KeepActivityId = entity.KeepActivityId,
            Notice = entity.Notice,
            ETag = entity.ETag.ToString(),
        };
    }
}
