using System.Text.Json;

namespace RegieBot.Protocol.Schema;

/// <summary>Body of <c>POST v3/conversations</c>: a 1:1 chat, or a new thread in a channel.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }
}
