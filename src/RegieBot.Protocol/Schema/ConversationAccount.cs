using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }
}
