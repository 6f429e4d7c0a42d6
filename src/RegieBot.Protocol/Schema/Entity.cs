using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

/// <summary>An activity entity. Mentions are modelled; other types (clientInfo, ...) keep their fields in <see cref="Unmodelled"/>.</summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public required string Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }

    public static Entity Mention(ChannelAccount mentioned, string text) => new() { Type = MentionType, Mentioned = mentioned, Text = text };
}
