using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

/// <summary>What a card says: every text, title and value in it, unescaped, one per line.</summary>
internal static class CardText
{
    public static string Of(JsonNode? card) => string.Join('\n', Strings(card));

    /// <summary>The texts of the TextBlocks only (rendered as markdown, so never user input).</summary>
    public static IEnumerable<string> OfTextBlocks(JsonNode? node) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "TextBlock" => [(string?)obj["text"] ?? string.Empty],
        JsonObject obj => obj.SelectMany(p => OfTextBlocks(p.Value)),
        JsonArray array => array.SelectMany(OfTextBlocks),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
