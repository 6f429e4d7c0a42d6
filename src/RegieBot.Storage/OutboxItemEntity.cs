using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Outbox;

namespace RegieBot.Storage;

/// <summary>An outbox item (<c>x-</c> and the encoded item id, in the kaart's partition).</summary>
public sealed class OutboxItemEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Effect { get; set; }

    /// <summary>The removed members' object ids, one a line (a table has no list type).</summary>
    public string? RemovedMembers { get; set; }

    public string? BotId { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? Card { get; set; }
    public string? ActivityId { get; set; }

    internal static TableEntity ToTableEntity(string partitionKey, OutboxItem item) => TypedRow.ToTableEntity(new OutboxItemEntity
    {
        PartitionKey = partitionKey,
        RowKey = TableOutboxStore.ItemPrefix + TableKey.Encode(item.Id),
        Effect = item.Effect.ToString(),
        RemovedMembers = item.RemovedMembers.Count == 0 ? null : string.Join('\n', item.RemovedMembers),
        BotId = item.BotId,
        DueAt = item.DueAt,
        Card = item.Card,
        ActivityId = item.ActivityId,
    });

    internal static OutboxItem ToItem(TableEntity stored)
    {
        OutboxItemEntity entity = TypedRow.Read<OutboxItemEntity>(stored);
        return new(TableKey.Decode(entity.RowKey[TableOutboxStore.ItemPrefix.Length..]), Enum.Parse<OutboxEffect>(entity.Effect ?? nameof(OutboxEffect.KaartCard)))
        {
            RemovedMembers = entity.RemovedMembers is { Length: > 0 } removed ? removed.Split('\n') : [],
            BotId = entity.BotId,
            DueAt = entity.DueAt,
            Card = entity.Card,
            ActivityId = entity.ActivityId,
        };
    }
}
