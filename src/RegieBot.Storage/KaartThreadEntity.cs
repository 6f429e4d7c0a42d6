using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// A row of the thread index: partition the encoded channel, row the encoded thread id. <see cref="Saved"/> is false
/// while the casus has only a dialog, so a start may take over a thread whose dialog was cancelled.
/// </summary>
public sealed class KaartThreadEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? KaartId { get; set; }
    public string? Casus { get; set; }
    public bool Saved { get; set; }

    public static KaartThreadEntity From(string threadId, string kaartId, string casus, bool saved) => new()
    {
        PartitionKey = TableKey.Encode(KaartLocation.ChannelOf(threadId)),
        RowKey = TableKey.Encode(threadId),
        KaartId = kaartId,
        Casus = casus,
        Saved = saved,
    };

    public ThreadKaart ToThreadKaart() => new(TableKey.Decode(RowKey), KaartId ?? string.Empty, Casus ?? string.Empty, Saved);
}
