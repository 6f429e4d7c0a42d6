using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public required string ContentType { get; init; }
    public JsonNode? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }

    public static Attachment AdaptiveCard(JsonNode card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
