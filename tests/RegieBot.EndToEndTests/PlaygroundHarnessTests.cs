using System.Text.Json.Nodes;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>The harness itself: the bot runs, the Playground serves our mock team and carries activities both ways.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundHarnessTests(EndToEndEnvironment environment)
{
    private PlaygroundDriver Playground => environment.Playground;

    [Fact]
    public async Task Bot_AnswersHealthz()
    {
        using HttpClient http = new();

        using HttpResponseMessage response = await http.GetAsync(new Uri(environment.BotAddress, "/healthz"), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"/healthz answered {(int)response.StatusCode}.{Environment.NewLine}{environment.Diagnostics()}");
    }

    [Fact]
    public async Task Playground_ServesTheMockTeam()
    {
        JsonObject config = await Playground.GetTestConfigAsync(TestContext.Current.CancellationToken);

        JsonNode loaded = config["config"]!;
        Assert.Equal(MockTeam.BotId, loaded["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(MockTeam.CurrentUser.Id, loaded["currentUser"]!["id"]!.GetValue<string>());
        Assert.Equal(
            MockTeam.OtherUsers.Select(u => u.Name),
            loaded["users"]!.AsArray().Select(u => u!["name"]!.GetValue<string>()));
        JsonArray channels = loaded["teams"]![0]!["channels"]!.AsArray();
        Assert.Contains(channels, c => c!["id"]!.GetValue<string>() == MockTeam.ChannelId && c["name"]!.GetValue<string>() == MockTeam.ChannelName);
    }

    [Fact]
    public async Task SendMessageAs_AnotherMockUser_ReachesTheBotFromThatUser()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        int mark = Playground.Mark();

        SentMessage sent = await Playground.SendMessageAsAsync(MockTeam.Wijkteam, MockTeam.ChannelId, $"<at>{MockTeam.BotName}</at> help", cancellationToken);

        PlaygroundEvent delivered = await Playground.WaitForDeliveryAsync(
            mark,
            "the message from the wijkteam member delivered to the bot",
            e => e.RequestBody?["id"]?.GetValue<string>() == sent.MessageId,
            cancellationToken);
        Assert.Equal(MockTeam.Wijkteam.Id, delivered.RequestBody!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("message", delivered.ActivityName);
        Assert.True(delivered.StatusCode == 200, Playground.Explain(mark, $"The bot answered {delivered.StatusCode} to a message from the Playground."));
    }
}
