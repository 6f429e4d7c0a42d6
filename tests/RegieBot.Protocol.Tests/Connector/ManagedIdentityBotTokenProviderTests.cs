using System.Net;
using System.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>
/// The bot as a user-assigned managed identity: the real MSAL managed identity client against a stub App Service
/// identity endpoint (MSAL finds it through IDENTITY_ENDPOINT and IDENTITY_HEADER, as on App Service).
/// </summary>
public sealed class ManagedIdentityBotTokenProviderTests
{
    // MSAL keeps managed identity tokens in a process-wide cache: a client id of its own per test keeps them apart.
    private readonly string _clientId = Guid.NewGuid().ToString();

    private const string IdentityEndpoint = "http://127.0.0.1:41999/msi/token";
    private const string IdentityHeader = "regiebot-test-header";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ManagedIdentityBotTokenProviderTests()
    {
        // Process-wide, but no other test uses a managed identity; the stub handler answers, nothing listens there.
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", IdentityEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", IdentityHeader);
    }

    [Theory]
    [InlineData("UserAssignedMSI", typeof(ManagedIdentityBotTokenProvider))]
    [InlineData("userassignedmsi", typeof(ManagedIdentityBotTokenProvider))]
    [InlineData("SingleTenant", typeof(MsalBotTokenProvider))]
    [InlineData(null, typeof(MsalBotTokenProvider))]
    public void AddBotConnector_MicrosoftAppType_ChoosesTheTokenProvider(string? appType, Type expected)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppType"] = appType });
        builder.AddBotConnector();
        builder.Services.Configure<BotIdentityOptions>(builder.Configuration);
        using ServiceProvider services = builder.Services.BuildServiceProvider();

        Assert.IsType(expected, services.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public async Task GetTokenAsync_CalledTwice_AsksTheIdentityEndpointOnceForTheBotFrameworkResource()
    {
        (IBotTokenProvider provider, StubHttpMessageHandler identity) = Create();

        string first = await provider.GetTokenAsync(false, Ct);
        string second = await provider.GetTokenAsync(false, Ct);

        Assert.Equal("mi-1", first);
        Assert.Equal("mi-1", second);
        RecordedRequest request = Assert.Single(identity.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(IdentityEndpoint, request.Uri.GetLeftPart(UriPartial.Path));
        System.Collections.Specialized.NameValueCollection query = HttpUtility.ParseQueryString(request.Uri.Query);
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal(_clientId, query["client_id"]);
    }

    [Fact]
    public async Task GetTokenAsync_ForceRefresh_AsksAgain()
    {
        (IBotTokenProvider provider, StubHttpMessageHandler identity) = Create();

        await provider.GetTokenAsync(false, Ct);
        string refreshed = await provider.GetTokenAsync(true, Ct);

        Assert.Equal("mi-2", refreshed);
        Assert.Equal(2, identity.Requests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_IdentityNotAssigned_ThrowsConnectorExceptionNamingTheFix()
    {
        (IBotTokenProvider provider, StubHttpMessageHandler identity) = Create();
        identity.Fallback = _ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"statusCode":400,"message":"No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId."}"""),
        };

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(false, Ct));

        Assert.Contains("managed identity", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Microsoft.Identity.Client.MsalException>(exception.InnerException);
    }

    [Theory]
    [InlineData("https://api.botframework.com/.default", "https://api.botframework.com")]
    [InlineData("https://api.botframework.us/.default", "https://api.botframework.us")]
    [InlineData("https://api.botframework.com", "https://api.botframework.com")]
    public void Resource_Scope_IsTheResourceWithoutDefault(string scope, string expected) =>
        Assert.Equal(expected, ManagedIdentityBotTokenProvider.Resource(scope));

    private (IBotTokenProvider Provider, StubHttpMessageHandler Identity) Create()
    {
        StubHttpMessageHandler identity = new(new FakeTimeProvider());
        int issued = 0;
        identity.Fallback = _ =>
        {
            long expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();   // MSAL's own clock decides when to renew
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$"""{"access_token":"mi-{{Interlocked.Increment(ref issued)}}","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer","client_id":"{{_clientId}}"}""",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            };
        };

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddBotConnector();
        builder.Services.Configure<BotIdentityOptions>(o =>
        {
            o.MicrosoftAppId = _clientId;
            o.MicrosoftAppType = BotIdentityOptions.UserAssignedMsi;
            o.MicrosoftAppTenantId = ConnectorTestHost.TenantId;
        });
        builder.Services.AddHttpClient(ConnectorHostingExtensions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
        ServiceProvider services = builder.Services.BuildServiceProvider();
        return (Assert.IsType<ManagedIdentityBotTokenProvider>(services.GetRequiredService<IBotTokenProvider>()), identity);
    }
}
