using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

public sealed class UniversalActionsTests
{
    [Fact]
    public void AddSubmitFallbacks_CardLevelExecute_MovesTheCardsActionsIntoAnActionSetWithTheirFallbacks()
    {
        JsonObject card = JsonNode.Parse("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "refresh": { "action": { "type": "Action.Execute", "verb": "refreshKaart" }, "userIds": ["29:sanne"] },
              "body": [{ "type": "TextBlock", "text": "Regiekaart" }],
              "actions": [
                { "type": "Action.Execute", "title": "Casus afsluiten", "verb": "afsluiten", "data": { "kaartId": "k-1" } },
                { "type": "Action.ShowCard", "title": "Wijziging voorstellen", "card": {
                    "type": "AdaptiveCard",
                    "body": [{ "type": "Input.Text", "id": "tekst" }],
                    "actions": [{ "type": "Action.Execute", "title": "Versturen", "verb": "voorstellen" }] } }
              ]
            }
            """)!.AsObject();

        UniversalActions.AddSubmitFallbacks(card);

        // Older Teams clients drop the fallback of an Action.Execute in a card's own actions: the buttons live in the body.
        Assert.Null(card["actions"]);
        JsonObject set = card["body"]!.AsArray().Last()!.AsObject();
        Assert.Equal("ActionSet", (string?)set["type"]);
        Assert.Equal(["Casus afsluiten", "Wijziging voorstellen"], set["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.Equal("afsluiten", (string?)set["actions"]![0]!["fallback"]!["data"]![UniversalActions.VerbKey]);

        JsonObject shown = set["actions"]![1]!["card"]!.AsObject();
        Assert.Null(shown["actions"]);
        JsonNode send = shown["body"]!.AsArray().Last()!["actions"]![0]!;
        Assert.Equal("Action.Submit", (string?)send["fallback"]!["type"]);

        Assert.Null(card["refresh"]!["action"]!["fallback"]);   // the refresh is no button: it stays as it was
    }

    [Fact]
    public void AddSubmitFallbacks_CardActionsWithoutExecute_StayWhereTheyAre()
    {
        JsonObject card = JsonNode.Parse("""
            { "type": "AdaptiveCard", "body": [], "actions": [{ "type": "Action.OpenUrl", "title": "Open", "url": "https://example.nl" }] }
            """)!.AsObject();

        UniversalActions.AddSubmitFallbacks(card);

        Assert.Single(card["actions"]!.AsArray());
        Assert.Empty(card["body"]!.AsArray());
    }
}
