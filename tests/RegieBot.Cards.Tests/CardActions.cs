using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

/// <summary>A card's own buttons: its <c>actions</c>, or the ActionSet at the end of its body they were moved to.</summary>
internal static class CardActions
{
    public static JsonArray Of(JsonObject card) =>
        card["actions"] as JsonArray
        ?? card["body"]?.AsArray().LastOrDefault(e => (string?)e?["type"] == "ActionSet")?["actions"]?.AsArray()
        ?? [];
}
