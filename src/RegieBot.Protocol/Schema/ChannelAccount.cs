using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

/// <summary>A user or bot: <c>29:</c> ids for users, <c>28:</c> for bots; <see cref="AadObjectId"/> is the stable key for people.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }
}
