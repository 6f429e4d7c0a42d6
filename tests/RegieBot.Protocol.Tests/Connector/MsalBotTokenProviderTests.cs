using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>The real MSAL client against a stub token endpoint (its HttpClient comes from the factory).</summary>
public sealed class MsalBotTokenProviderTests
{
    private const string AppId = ConnectorTestHost.AppId;
    private const string TenantId = ConnectorTestHost.TenantId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TenantId, "https://login.microsoftonline.com/" + TenantId)]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData("", "https://login.microsoftonline.com/botframework.com")]
    public void Authority_TenantOrNone_IsSingleTenantOrLegacyBotFramework(string? tenantId, string expected)
    {
        BotIdentityOptions identity = new() { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = tenantId };

        Assert.Equal(expected, MsalBotTokenProvider.Authority(identity, new ConnectorOptions()));
    }

    [Fact]
    public async Task GetTokenAsync_CalledTwice_RequestsClientCredentialsTokenOnceFromTenant()
    {
        (MsalBotTokenProvider provider, StubHttpMessageHandler login) = Create();

        string first = await provider.GetTokenAsync(false, Ct);
        string second = await provider.GetTokenAsync(false, Ct);

        Assert.Equal("access-1", first);
        Assert.Equal("access-1", second);
        RecordedRequest tokenRequest = Assert.Single(TokenRequests(login));
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token", tokenRequest.Uri.GetLeftPart(UriPartial.Path));
        System.Collections.Specialized.NameValueCollection form = HttpUtility.ParseQueryString(tokenRequest.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_ForceRefresh_RequestsANewToken()
    {
        (MsalBotTokenProvider provider, StubHttpMessageHandler login) = Create();

        await provider.GetTokenAsync(false, Ct);
        string refreshed = await provider.GetTokenAsync(true, Ct);

        Assert.Equal("access-2", refreshed);
        Assert.Equal(2, TokenRequests(login).Count());
    }

    [Fact]
    public async Task GetTokenAsync_InvalidClient_ThrowsConnectorException()
    {
        (MsalBotTokenProvider provider, StubHttpMessageHandler login) = Create();
        login.Fallback = request => IsTokenRequest(request.RequestUri!)
            ? Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""")
            : Discovery();

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(false, Ct));

        Assert.IsAssignableFrom<Microsoft.Identity.Client.MsalException>(exception.InnerException);
    }

    [Theory]
    [InlineData(null, "secret")]
    [InlineData(AppId, "")]
    public async Task GetTokenAsync_MissingCredentials_ThrowsInvalidOperationNamingTheKey(string? appId, string password)
    {
        (MsalBotTokenProvider provider, StubHttpMessageHandler login) = Create(appId, password);

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync(false, Ct));

        Assert.Contains(appId is null ? "MicrosoftAppId" : "MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
        Assert.Empty(login.Requests);
    }

    private static (MsalBotTokenProvider Provider, StubHttpMessageHandler Login) Create(string? appId = AppId, string password = "secret")
    {
        StubHttpMessageHandler login = new(new FakeTimeProvider());
        int issued = 0;
        login.Fallback = request => IsTokenRequest(request.RequestUri!)
            ? Json(HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"access-{{Interlocked.Increment(ref issued)}}"}""")
            : Discovery();

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddBotConnector();
        builder.Services.Configure<BotIdentityOptions>(o =>
        {
            o.MicrosoftAppId = appId;
            o.MicrosoftAppPassword = password;
            o.MicrosoftAppTenantId = TenantId;
        });
        builder.Services.AddHttpClient(ConnectorHostingExtensions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => login);
        ServiceProvider services = builder.Services.BuildServiceProvider();
        return (Assert.IsType<MsalBotTokenProvider>(services.GetRequiredService<IBotTokenProvider>()), login);
    }

    private static IEnumerable<RecordedRequest> TokenRequests(StubHttpMessageHandler login) =>
        login.Requests.Where(r => IsTokenRequest(r.Uri));

    private static bool IsTokenRequest(Uri uri) => uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal);

    private static HttpResponseMessage Discovery() => Json(HttpStatusCode.OK, $$"""
        {"tenant_discovery_endpoint":"https://login.microsoftonline.com/{{TenantId}}/v2.0/.well-known/openid-configuration",
         "api-version":"1.1",
         "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                      "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
        """);

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
}
