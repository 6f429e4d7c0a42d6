using System.Text.RegularExpressions;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>Capability 1: when the app is added to a team the bot introduces itself once, with a card.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class ChannelWelcomeTests(EndToEndEnvironment environment)
{
    private PlaygroundDriver Playground => environment.Playground;

    [Fact]
    public async Task InstallInTeamChannel_PostsOneWelcomeCardAboutTheRegiekaart()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        int mark = Playground.Mark();

        await Playground.InstallAsync(MockTeam.ChannelId, cancellationToken);

        BotCall welcome = await Playground.WaitForBotCallAsync(
            mark,
            "the welcome card posted in the team",
            c => IsWelcome(c) && c.Succeeded,
            cancellationToken);
        Assert.Contains(welcome.ConversationId?.Split(';')[0], new[] { MockTeam.ChannelId, MockTeam.GeneralChannelId });
        Assert.Matches(Regiekaart(), welcome.CardText);

        // The install brought an installationUpdate and a conversationUpdate: once both are answered, count the cards.
        await Playground.WaitForDeliveryAsync(mark, "the installationUpdate answered", e => e.ActivityName == "installationUpdate", cancellationToken);
        await Playground.WaitForDeliveryAsync(mark, "the conversationUpdate answered", e => e.ActivityName == "conversationUpdate", cancellationToken);
        IReadOnlyList<BotCall> welcomes = [.. Playground.ReadBotCalls()
            .Where(c => c.Event.Index >= mark && IsWelcome(c))];
        Assert.True(welcomes.Count == 1, Playground.Explain(mark, $"Expected one welcome card, saw {welcomes.Count}."));
    }

    /// <summary>
    /// A welcome card: posted in a channel or chat itself, not in a casus thread (where the relay may still post an
    /// earlier test's escalation or kaart card, which mentions the regiekaart too).
    /// </summary>
    private static bool IsWelcome(BotCall call) =>
        call.IsMessage && call.AdaptiveCards.Count > 0 && call.CardText.Contains("Welkom bij RegieBot", StringComparison.Ordinal)
        && call.ConversationId?.Contains(";messageid=", StringComparison.Ordinal) != true;

    [GeneratedRegex("regiekaart", RegexOptions.IgnoreCase)]
    private static partial Regex Regiekaart();
}
