using System.Net;
using Moq;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>Which requests carry the bot's token, through the registered handler chain.</summary>
public sealed class BotTokenHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/7f0c0000-0000-0000-0000-00000000abcd/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    public async Task SendToConversationAsync_TrustedHost_SendsBearerToken(string serviceUrl)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct);

        RecordedRequest request = Assert.Single(host.Network.Requests);
        Assert.Equal("Bearer", request.Authorization?.Scheme);
        Assert.Equal(ConnectorTestHost.Token, request.Authorization?.Parameter);
        host.Tokens.Verify(t => t.GetTokenAsync(false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://[::1]:56150/")]
    public async Task SendToConversationAsync_AnonymousMode_SendsNoTokenToLoopback(string serviceUrl)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(appId: "");
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct);

        Assert.Null(Assert.Single(host.Network.Requests).Authorization);
        host.Tokens.Verify(t => t.GetTokenAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://evil.example.com/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://127.0.0.1.evil.example/")]
    [InlineData("http://169.254.169.254/metadata/")]
    public async Task SendToConversationAsync_AnonymousModeToAnyOtherHost_RefusesWithoutSending(string serviceUrl)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(appId: "");
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Empty(host.Network.Requests);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/")]
    [InlineData("https://teams.microsoft.com/")]
    public async Task SendToConversationAsync_WithCredentialsToUntrustedServiceUrl_RefusesWithoutSending(string serviceUrl)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Empty(host.Network.Requests);
        host.Tokens.Verify(t => t.GetTokenAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1204);
    }

    [Fact]
    public async Task SendToConversationAsync_ConfiguredHosts_ReplaceTheDefaults()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:TrustedServiceUrlHosts:0"] = "connector.contoso.example",
        });
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await host.Client.SendToConversationAsync("https://connector.contoso.example/", "a:1xyz", new Activity { Type = "message" }, Ct);
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => host.Client.SendToConversationAsync("https://smba.trafficmanager.net/teams/", "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Equal("connector.contoso.example", Assert.Single(host.Network.Requests).Uri.Host);
    }

    [Fact]
    public async Task SendToConversationAsync_401ThenOk_RetriesOnceWithForcedFreshToken()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network
            .Respond(HttpStatusCode.Unauthorized, """{"error":{"code":"BotNotRegistered"}}""")
            .Respond(HttpStatusCode.OK, """{"id":"1"}""");

        ResourceResponse response = await host.Client.SendToConversationAsync(
            ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message", Text = "Hallo" }, Ct);

        Assert.Equal("1", response.Id);
        Assert.Equal([ConnectorTestHost.Token, ConnectorTestHost.RefreshedToken], host.Network.Requests.Select(r => r.Authorization?.Parameter));
        Assert.Equal(host.Network.Requests[0].Body, host.Network.Requests[1].Body);
        host.Tokens.Verify(t => t.GetTokenAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendToConversationAsync_401Twice_ThrowsAfterOneRefresh()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Fallback = _ => new HttpResponseMessage(HttpStatusCode.Unauthorized);

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, host.Network.Requests.Count);
        host.Tokens.Verify(t => t.GetTokenAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenUnavailable_ThrowsWithoutSending()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Tokens.Setup(t => t.GetTokenAsync(false, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("Could not acquire a Bot Connector token."));

        await Assert.ThrowsAsync<ConnectorException>(
            () => host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Empty(host.Network.Requests);
    }
}
