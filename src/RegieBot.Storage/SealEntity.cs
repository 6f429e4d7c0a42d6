using Azure;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>The seal row (<c>c</c>) of a kaart's partition: its ETag guards a snapshot, its revision counts confirmations.</summary>
public sealed class SealEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Stored as a 64-bit number, as it always was.</summary>
    public long? Revision { get; set; }

    internal static TableEntity ToTableEntity(string partitionKey, long revision) =>
        TypedRow.ToTableEntity(new SealEntity { PartitionKey = partitionKey, RowKey = KaartPartition.SealRow, Revision = revision });
}
