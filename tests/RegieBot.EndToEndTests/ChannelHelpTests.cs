using System.Text.RegularExpressions;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>Capability 1 and 8: <c>@RegieBot help</c> in a channel shows the commands.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ChannelHelpTests(EndToEndEnvironment environment)
{
    private static readonly string[] Commands = ["start", "kaart", "status", "help"];

    private PlaygroundDriver Playground => environment.Playground;

    [Fact]
    public async Task HelpMention_RepliesInTheThreadWithTheCommands()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        int mark = Playground.Mark();

        SentMessage sent = await Playground.MentionBotAsync(MockTeam.ChannelId, "help", cancellationToken);

        BotCall reply = await Playground.WaitForBotCallAsync(
            mark,
            $"a reply in the thread naming the commands {string.Join(", ", Commands)}",
            c => c.IsMessage && c.Succeeded && c.ConversationId == sent.ConversationId && Commands.All(command => NamesCommand(c.AllText, command)),
            cancellationToken);
        Assert.NotEqual(BotCallKind.UpdateActivity, reply.Kind);
    }

    private static bool NamesCommand(string text, string command) =>
        Regex.IsMatch(text, $@"\b{Regex.Escape(command)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
