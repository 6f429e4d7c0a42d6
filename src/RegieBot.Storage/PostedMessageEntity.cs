using Azure;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>
/// A message the bot posted that shows the casus (<c>m-…</c> in the kaart's partition), or the record of a post
/// begun before it was sent (then <see cref="ActivityId"/> is empty until it completes). Erasure replaces each one.
/// </summary>
public sealed class PostedMessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>Rows written before this column existed were all cards, so a missing value reads as true.</summary>
    public bool? IsCard { get; set; }

    public static PostedMessageEntity From(string kaartId, string row, string conversationId, string? activityId, bool isCard) => new()
    {
        PartitionKey = TableKey.Encode(kaartId),
        RowKey = row,
        ConversationId = conversationId,
        ActivityId = activityId,
        IsCard = isCard,
    };
}
