using System.Text.Json.Nodes;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>
/// Capabilities 2 and 3: <c>@RegieBot start</c> opens the guided dialog in the thread, and anyone in the channel
/// may answer a step on the card. Also the template for later multi-user tests.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ChannelDialogTests(EndToEndEnvironment environment)
{
    private PlaygroundDriver Playground => environment.Playground;

    [Fact]
    public async Task StartThenAnotherMemberAnswersTheFirstStep_CardMovesOnToTheProfessionalsInPlace()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        int mark = Playground.Mark();
        SentMessage start = await Playground.MentionBotAsync(MockTeam.ChannelId, "start Familie T.", cancellationToken);
        BotCall stepCard = await Playground.WaitForBotCallAsync(
            mark,
            "the first dialog step posted as a card in the thread",
            c => c.IsMessage && c.Succeeded && c.ConversationId == start.ConversationId && c.AdaptiveCards.Count > 0 && c.PostedActivityId is not null,
            cancellationToken);
        JsonObject choiceSet = stepCard.CardElements.FirstOrDefault(e => e["type"]?.ToString() == "Input.ChoiceSet")
            ?? throw new InvalidOperationException("The first step (why the kaart is made now) has no choice: " + stepCard.Summary());
        string firstMoment = choiceSet["choices"]![0]!["value"]!.ToString();
        JsonObject next = stepCard.CardElements.First(e => e["type"]?.ToString() == "Action.Execute" && e["style"]?.ToString() == "positive");
        int clicked = Playground.Mark();

        InvokeResult? result = await Playground.ClickAsync(
            MockTeam.Wijkteam,
            stepCard,
            next["title"]!.ToString(),
            new Dictionary<string, string> { [choiceSet["id"]!.ToString()] = firstMoment },
            cancellationToken);

        Assert.True(result is { StatusCode: 200 }, Playground.Explain(clicked, $"The card action was answered {result?.StatusCode}: {result?.Body?.ToJsonString()}"));
        await Playground.WaitForBotCallAsync(
            clicked,
            "the step card updated in place to the section 'Betrokken professionals'",
            c => c.IsUpdateOf(stepCard) && c.Succeeded && c.CardText.Contains("Betrokken professionals", StringComparison.Ordinal),
            cancellationToken);
    }
}
