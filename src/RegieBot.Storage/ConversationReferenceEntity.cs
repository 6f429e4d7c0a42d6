using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Conversations;

namespace RegieBot.Storage;

/// <summary>One row per conversation or channel thread. PartitionKey and RowKey are the encoded conversation id.</summary>
public sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ServiceUrl { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamsChannelId { get; set; }

    public static ConversationReferenceEntity From(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        string key = TableKey.Encode(reference.ConversationId);
        return new ConversationReferenceEntity
        {
            PartitionKey = key,
            RowKey = key,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            ConversationType = reference.ConversationType,
            TenantId = reference.TenantId,
            BotId = reference.BotId,
            TeamId = reference.TeamId,
            TeamsChannelId = reference.TeamsChannelId,
        };
    }

    public ConversationReference ToReference() => new()
    {
        ConversationId = TableKey.Decode(RowKey),
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        ConversationType = ConversationType,
        TenantId = TenantId,
        BotId = BotId,
        TeamId = TeamId,
        TeamsChannelId = TeamsChannelId,
        Version = ETag.ToString(),
    };
}
