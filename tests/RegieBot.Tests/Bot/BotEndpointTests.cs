using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Moq;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Bot;

public sealed class BotEndpointTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_MalformedJson_Returns400AndKeepsServing()
    {
        HttpClient client = _factory.CreateClient();

        HttpResponseMessage bad = await client.PostAsync("/api/messages", Json("{\"type\": \"message\", "), TestContext.Current.CancellationToken);
        HttpResponseMessage good = await client.PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(_factory.Sent);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"id\":\"1\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}")]
    public async Task Post_NotAnActivity_Returns400(string body)
    {
        HttpResponseMessage response = await _factory.CreateClient().PostAsync("/api/messages", Json(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_factory.Sent);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        string text = new('x', 600 * 1024);
        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage(text)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Sent);
    }

    [Fact]
    public async Task Post_OversizedChunkedBody_Returns413()
    {
        string text = new('x', 600 * 1024);
        StreamContent content = new(new MemoryStream(Encoding.UTF8.GetBytes(Activities.ChannelMessage(text))));
        content.Headers.ContentType = new("application/json");
        HttpRequestMessage request = new(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage response = await _factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Post_AuthenticationFails_ReturnsItsStatusAndDoesNothing(int status)
    {
        _factory.Authenticator
            .Setup(a => a.AuthenticateAsync(It.IsAny<Microsoft.AspNetCore.Http.HttpRequest>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotAuthenticationResult(false, status, "test", false));

        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(_factory.Sent);
        _factory.Ledger.Verify(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Post_ChannelOtherThanTeams_Returns403AndDoesNothing(string? channelId)
    {
        JsonObject activity = JsonNode.Parse(Activities.ChannelMessage("help"))!.AsObject();
        activity["channelId"] = channelId;

        HttpResponseMessage response = await _factory.CreateClient().PostAsync("/api/messages", Json(activity.ToJsonString()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_factory.Sent);
        _factory.Ledger.Verify(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()), Times.Never);
        _factory.Conversations.Verify(c => c.RefreshAsync(It.IsAny<RegieBot.Domain.Conversations.ConversationReference>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Post_Help_RepliesInTheThreadWithTheCommandList()
    {
        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (string url, string conversation, Activity reply) = Assert.Single(_factory.Sent);
        Assert.Equal(Activities.ServiceUrl, url);
        Assert.Equal(Activities.ThreadId, conversation);
        JsonNode card = Assert.Single(reply.Attachments!).Content!;
        string facts = card["body"]![2]!["facts"]!.ToJsonString();
        foreach (string command in new[] { "start <casus>", "kaart", "annuleren", "bijwerken", "evaluatie", "status", "geschiedenis", "opschalen", "afsluiten", "clientversie", "export", "verwijderen", "help" })
        {
            Assert.Contains($"\"title\":\"{command}\"", facts.Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("overzicht", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HelpInPersonalChat_ListsOverzicht()
    {
        await _factory.CreateClient().PostAsync("/api/messages", Json(Activities.PersonalMessage("help")), TestContext.Current.CancellationToken);

        (_, _, Activity reply) = Assert.Single(_factory.Sent);
        string facts = reply.Attachments![0].Content!["body"]![2]!["facts"]!.ToJsonString();
        Assert.Contains("overzicht", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("start", facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownCommand_ExplainsInDutch()
    {
        await _factory.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("foobar baz")), TestContext.Current.CancellationToken);

        (_, _, Activity reply) = Assert.Single(_factory.Sent);
        Assert.Equal("Het commando 'foobar' ken ik niet. Typ help voor de lijst met commando's.", reply.Text);
        Assert.Equal("plain", reply.TextFormat);
    }

    [Fact]
    public async Task Post_BotAddedToTeam_SendsTheWelcomeCardOnce()
    {
        HttpClient client = _factory.CreateClient();
        TurnKeys welcomeOnce = RegieBot.Bot.TurnKeyFactory.Once("19:team01@thread.tacv2", "welcome");
        bool claimed = false;
        _factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TurnKeys keys, CancellationToken _) =>
            {
                if (keys != welcomeOnce)
                {
                    return true;   // the turn itself
                }

                bool first = !claimed;
                claimed = true;
                return first;
            });

        await client.PostAsync("/api/messages", Json(Activities.BotAddedToTeam()), TestContext.Current.CancellationToken);
        await client.PostAsync("/api/messages", Json(Activities.InstallationAdd()), TestContext.Current.CancellationToken);

        (string _, string conversation, Activity welcome) = Assert.Single(_factory.Sent);
        Assert.Equal("19:team01@thread.tacv2", conversation);
        JsonNode card = welcome.Attachments![0].Content!;
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains("regiekaart", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Als meerdere instanties betrokken zijn bij een gezin (een complexe situatie).", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Redelivery_IsNotHandledAgain()
    {
        _factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Sent);
    }

    [Fact]
    public async Task Post_HandlerFails_UserGetsDutchApologyAndTheTurnIsReleased()
    {
        _factory.Connector.SetupSequence(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.BadRequest, "BadArgument", "bad card"))
            .ReturnsAsync(new ResourceResponse("2"));

        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        _factory.Connector.Verify(
            c => c.SendToConversationAsync(Activities.ServiceUrl, Activities.ThreadId,
                It.Is<Activity>(a => a.Text == "Sorry, er ging iets mis bij RegieBot. Probeer het over een ogenblik nog eens."), It.IsAny<CancellationToken>()),
            Times.Once);
        _factory.Ledger.Verify(l => l.AbandonAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_MessageTurnPastItsDeadline_UserIsToldInDutchAndTheAnswerIsNo5xx()
    {
        int calls = 0;
        _factory.Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, Activity _, CancellationToken ct) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, ct);   // Teams that never answers the help, until the turn's deadline
                }

                return new ResourceResponse("2");
            });

        HttpResponseMessage response = await ShortDeadline().CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _factory.Connector.Verify(
            c => c.SendToConversationAsync(Activities.ServiceUrl, Activities.ThreadId,
                It.Is<Activity>(a => a.Text == "Sorry, dat duurde te lang voor RegieBot. Probeer het over een ogenblik nog eens."), It.IsAny<CancellationToken>()),
            Times.Once);
        _factory.Ledger.Verify(l => l.AbandonAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_InvokePastItsDeadline_AnswersWithAnErrorResponseNot5xx()
    {
        _factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()))
            .Returns(async (TurnKeys _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);   // storage that never answers, until the turn's deadline
                return true;
            });

        HttpResponseMessage response = await ShortDeadline().CreateClient().PostAsync(
            "/api/messages", Json(Activities.CardAction("wijziging")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.Equal((500, "application/vnd.microsoft.error"), ((int)body["statusCode"]!, (string?)body["type"]));
        Assert.Equal("Dat duurde te lang. Probeer het over een ogenblik nog eens.", (string?)body["value"]?["message"]);
    }

    [Fact]
    public async Task Post_CardActionInvoke_AnswersWithAnInvokeResponseBody()
    {
        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.CardAction("onbekend")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Theory]
    [InlineData("dialoog", false)]        // carries its revision: a second delivery is stale
    [InlineData("bevestigen", false)]     // the same role is recorded once
    [InlineData("refreshKaart", false)]   // only reads
    [InlineData("wijziging", true)]
    [InlineData("opschalen", true)]
    [InlineData("verwijderenBevestigen", true)]
    public async Task Post_CardAction_UsesTheTurnLedgerUnlessTheActionIsIdempotentByItself(string verb, bool ledgered)
    {
        _factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        HttpResponseMessage response = await _factory.CreateClient().PostAsync("/api/messages", Json(Activities.CardAction(verb)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _factory.Ledger.Verify(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>()), ledgered ? Times.Once() : Times.Never());
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ledgered, body.Contains("Deze actie is al verwerkt.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_OtherInvoke_Returns501()
    {
        string invoke = """{"type":"invoke","name":"composeExtension/query","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","from":{"id":"29:1"},"conversation":{"id":"a:1"}}""";

        HttpResponseMessage response = await _factory.CreateClient().PostAsync("/api/messages", Json(invoke), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndDoesNothing()
    {
        string activity = """{"type":"somethingNew","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","from":{"id":"29:1"},"conversation":{"id":"a:1"}}""";

        HttpResponseMessage response = await _factory.CreateClient().PostAsync("/api/messages", Json(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Sent);
    }

    [Fact]
    public async Task Post_AnyActivity_RefreshesTheConversationReference()
    {
        await _factory.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RegieBot.Outbox.OutboxRelay>(_factory.Services).WhenIdleAsync();   // after the answer, in the background

        _factory.Conversations.Verify(c => c.RefreshAsync(
            It.Is<RegieBot.Domain.Conversations.ConversationReference>(r =>
                r.ConversationId == Activities.ThreadId && r.ServiceUrl == Activities.ServiceUrl && r.TenantId == Activities.TenantId
                && r.TeamId == "19:team01@thread.tacv2" && r.BotId == Activities.BotId),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The bot with a turn deadline of a fraction of a second (two minutes in production).</summary>
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> ShortDeadline() =>
        _factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(
                services, Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton(new RegieBot.Bot.TurnDeadline(TimeSpan.FromMilliseconds(300))))));
}
