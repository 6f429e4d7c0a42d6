using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

/// <summary>The printable pages of the personal tab use the form's own titles and labels: exactly the cards' texts.</summary>
public sealed class KaartFormTextsTests
{
    [Theory]
    [InlineData("regiekaart")]
    [InlineData("clientversie")]
    public void ByCard_EveryText_AppearsVerbatimInTheCard(string card)
    {
        HashSet<string> texts = [.. Strings(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, card + ".json"))))];

        Assert.All(KaartFormTexts.ByCard[card], text => Assert.Contains(text, texts));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" && p.Value is JsonValue v && v.TryGetValue(out string? s) ? [s] : Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        _ => [],
    };
}
