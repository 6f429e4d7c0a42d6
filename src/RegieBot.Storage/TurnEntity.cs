using Azure;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>A marker that a turn was handled. Holds only hashes and the time it was seen.</summary>
public sealed class TurnEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    /// <summary>Which claim wrote the row: tells our own write, landed before its response was lost, from a redelivery.</summary>
    public string? Attempt { get; set; }
}
