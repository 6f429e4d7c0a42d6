using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Schema;
using RegieBot.Testing.Teams;

namespace RegieBot.Protocol.Tests.Authentication;

/// <summary>
/// The inbound test matrix of bot-protocol.md C.1, against a real local OpenID endpoint. "Now" is a fake clock set
/// in the past, so a token is only accepted when the validator uses the injected TimeProvider.
/// </summary>
public sealed class BotRequestAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "8f6c2f6e-3c0a-4b1e-9d55-1c2b3a4d5e6f";
    private const string TenantId = "0b7d5b2a-5f43-4c8e-8d7e-2a9c6e1f4b3d";
    private const string OtherTenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string EntraV2Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    private const string EntraV1Issuer = $"https://sts.windows.net/{TenantId}/";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static readonly JsonWebTokenHandler TokenHandler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero));
    private readonly List<IHost> _hosts = [];
    private OpenIdTestServer _server = null!;
    private IHost? _defaultHost;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync(Ct);
        _server.AddBotFrameworkKey(TestSigningKey.BotFramework);
        _server.AddBotFrameworkKey(TestSigningKey.BotFrameworkWithoutTeams);
        _server.AddBotFrameworkKey(TestSigningKey.BotFrameworkByThumbprint);
        _server.AddEntraKey(TestSigningKey.Entra);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IHost host in _hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await _server.DisposeAsync();
    }

    // ---- Accept ----

    [Fact]
    public async Task AuthenticateAsync_ValidBotFrameworkToken_Succeeds()
    {
        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.Anonymous);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_OtherRsaAlgorithm_Succeeds(string algorithm)
    {
        string token = Token(signing: TestSigningKey.BotFramework.SigningCredentials(algorithm));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_LowerCaseBearerScheme_Succeeds()
    {
        BotAuthenticationResult result = await AuthenticateAsync($"bearer {Token()}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredFourMinutesAgo_SucceedsWithinClockSkew()
    {
        string token = Token(notBefore: TimeSpan.FromHours(-1), expires: TimeSpan.FromMinutes(-4));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeFourMinutesAhead_SucceedsWithinClockSkew()
    {
        string token = Token(notBefore: TimeSpan.FromMinutes(4));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNamedByX5tOnly_Succeeds()
    {
        string payload = Token(unsigned: true).Split('.')[1];
        string token = TestSigningKey.BotFrameworkByThumbprint.SignWithThumbprintHeader(payload);
        Assert.Empty(new JsonWebToken(token).Kid);

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraV2TokenFromOwnTenant_Succeeds()
    {
        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {EntraV2Token()}");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraV1TokenFromOwnTenantForBotIdAudience_Succeeds()
    {
        string token = Token(TestSigningKey.Entra.SigningCredentials(), EntraV1Issuer, audience: $"api://botid-{AppId}",
            claims: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId, ["tid"] = TenantId });

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenWithoutServiceUrlClaim_Succeeds()
    {
        // Only channel (Bot Framework) tokens carry serviceurl; for Entra tokens the claim is checked when present.
        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {EntraV2Token(serviceUrl: null)}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotatedAfterFirstFetch_RefreshesKeysAndSucceeds()
    {
        Assert.True((await AuthenticateAsync($"Bearer {Token()}")).Succeeded);
        _server.AddBotFrameworkKey(TestSigningKey.BotFrameworkRotated);

        BotAuthenticationResult result = await AuthenticateAsync(
            $"Bearer {Token(signing: TestSigningKey.BotFrameworkRotated.SigningCredentials())}");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(2, _server.KeySetRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_SecondRequest_UsesCachedMetadataAndKeys()
    {
        Assert.True((await AuthenticateAsync($"Bearer {Token()}")).Succeeded);

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(1, _server.MetadataRequests);
        Assert.Equal(1, _server.KeySetRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_AnonymousModeWithoutHeader_ReturnsAnonymousLocal()
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(appId: "");

        BotAuthenticationResult result = await AuthenticateAsync(null, authenticator: authenticator);

        Assert.Same(BotAuthenticationResult.AnonymousLocal, result);
        Assert.True(result.Succeeded);
        Assert.True(result.Anonymous);
        Assert.Equal(0, _server.MetadataRequests);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task AuthenticateAsync_AnonymousModeFromLoopback_ReturnsAnonymousLocal(string remote)
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(appId: "");

        BotAuthenticationResult result = await AuthenticateAsync(null, authenticator: authenticator, remote: System.Net.IPAddress.Parse(remote));

        Assert.True(result.Anonymous);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::1")]
    public async Task AuthenticateAsync_AnonymousModeFromTheNetwork_Returns401(string remote)
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(appId: "");

        BotAuthenticationResult result = await AuthenticateAsync(null, authenticator: authenticator, remote: System.Net.IPAddress.Parse(remote));

        AssertRejected(401, result);
        Assert.False(result.Anonymous);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:3978")]
    public async Task AuthenticateAsync_AnonymousModeWithOriginHeader_Returns403(string origin)
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(appId: "");

        BotAuthenticationResult result = await AuthenticateAsync(null, authenticator: authenticator, remote: System.Net.IPAddress.Loopback, origin: origin);

        AssertRejected(403, result);
        Assert.False(result.Anonymous);
    }

    // ---- Reject: the header ----

    [Fact]
    public async Task AuthenticateAsync_NoHeaderWithAppId_Returns401()
    {
        BotAuthenticationResult result = await AuthenticateAsync(null);

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_BasicScheme_Returns401()
    {
        BotAuthenticationResult result = await AuthenticateAsync($"Basic {Token()}");

        AssertRejected(401, result);
    }

    [Theory]
    [InlineData("Bearer {0} extra")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer")]
    [InlineData("{0}")]
    public async Task AuthenticateAsync_HeaderNotTwoParts_Returns401(string format)
    {
        string header = string.Format(CultureInfo.InvariantCulture, format, Token());

        BotAuthenticationResult result = await AuthenticateAsync(header);

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_NotAJwt_Returns401()
    {
        BotAuthenticationResult result = await AuthenticateAsync("Bearer not-a-token");

        AssertRejected(401, result);
    }

    // ---- Reject: algorithm and signature ----

    [Fact]
    public async Task AuthenticateAsync_UnsignedAlgNone_Returns401()
    {
        string token = Token(unsigned: true);
        Assert.Equal("none", new JsonWebToken(token).Alg);

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithPublishedKeyId_Returns401()
    {
        SymmetricSecurityKey secret = new(RandomNumberGenerator.GetBytes(32)) { KeyId = TestSigningKey.BotFramework.KeyId };
        string token = Token(signing: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongSignature_Returns401()
    {
        string token = Token(signing: TestSigningKey.BotFramework.ForgedSigningCredentials());

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedPayload_Returns401()
    {
        string[] valid = Token().Split('.');
        string[] other = Token(audience: "11111111-2222-3333-4444-555555555555").Split('.');
        string token = $"{valid[0]}.{other[1]}.{valid[2]}";

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidEvenAfterRefresh_Returns401()
    {
        string token = Token(signing: TestSigningKey.Unpublished.SigningCredentials());

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        Assert.Equal(2, _server.KeySetRequests);   // the cached keys, then one refresh
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidAgainWithinRefreshInterval_DoesNotFetchAgain()
    {
        string token = Token(signing: TestSigningKey.Unpublished.SigningCredentials());
        AssertRejected(401, await AuthenticateAsync($"Bearer {token}"));

        AssertRejected(401, await AuthenticateAsync($"Bearer {token}"));
        int afterSecond = _server.KeySetRequests;
        _time.Advance(TimeSpan.FromMinutes(5));
        AssertRejected(401, await AuthenticateAsync($"Bearer {token}"));

        Assert.Equal(2, afterSecond);
        Assert.Equal(3, _server.KeySetRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraIssuerSignedWithBotFrameworkKey_Returns401()
    {
        string token = EntraV2Token(signing: TestSigningKey.BotFramework.SigningCredentials());

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_BotFrameworkIssuerSignedWithEntraKey_Returns401()
    {
        string token = Token(signing: TestSigningKey.Entra.SigningCredentials());

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    // ---- Reject: issuer and audience ----

    [Theory]
    [InlineData($"https://login.microsoftonline.com/{OtherTenantId}/v2.0")]
    [InlineData($"https://sts.windows.net/{OtherTenantId}/")]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0")]
    [InlineData("https://login.microsoftonline.com/common/v2.0")]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://evil.example/")]
    public async Task AuthenticateAsync_IssuerNotAccepted_Returns401WithoutFetchingKeys(string issuer)
    {
        string token = Token(TestSigningKey.Entra.SigningCredentials(), issuer,
            claims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = AppId });

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        Assert.Equal(0, _server.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_AudienceOtherAppId_Returns401()
    {
        string token = Token(audience: "11111111-2222-3333-4444-555555555555");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_AudienceBotFrameworkApi_Returns401()
    {
        string token = Token(audience: "https://api.botframework.com");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_BotFrameworkTokenForApiAudience_Returns401()
    {
        // api://{appId} is accepted for Entra tokens only.
        string token = Token(audience: $"api://{AppId}");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenRequestedByOtherApp_Returns401()
    {
        string token = EntraV2Token(azp: "11111111-2222-3333-4444-555555555555");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    // ---- Reject: lifetime ----

    [Fact]
    public async Task AuthenticateAsync_ExpiredSixMinutesAgo_Returns401()
    {
        string token = Token(notBefore: TimeSpan.FromHours(-1), expires: TimeSpan.FromMinutes(-6));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        Assert.Equal("token has expired", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeSixMinutesAhead_Returns401()
    {
        string token = Token(notBefore: TimeSpan.FromMinutes(6));

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        Assert.Equal("token is not valid yet", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoExpiry_Returns401()
    {
        string token = Token(withoutExpiry: true);

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    // ---- Reject: endorsement and serviceurl ----

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForMsteams_Returns403()
    {
        string token = Token(signing: TestSigningKey.BotFrameworkWithoutTeams.SigningCredentials());

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(403, result);
    }

    [Theory]
    [InlineData("webchat", 200)]
    [InlineData("slack", 403)]
    [InlineData(null, 403)]
    public async Task AuthenticateAsync_EndorsementChecksActivityChannelId_ReturnsExpectedStatus(string? channelId, int expected)
    {
        // bf-key-1 is endorsed for msteams and webchat only.
        Activity activity = TeamsActivity() with { ChannelId = channelId };

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}", activity);

        Assert.Equal(expected, result.StatusCode);
        Assert.Equal(expected == 200, result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMissing_Returns401()
    {
        string token = Token(serviceUrl: null);

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        Assert.Equal("serviceurl claim is missing", result.Reason);
    }

    [Theory]
    [InlineData("https://evil.example/emea/")]                       // other host
    [InlineData("https://smba.trafficmanager.net/amer/")]            // other region
    [InlineData("https://smba.trafficmanager.net/emea/extra/")]      // extra path
    [InlineData("https://smba.trafficmanager.net/emea")]             // raw strings: no normalising
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    [InlineData(null)]
    public async Task AuthenticateAsync_ServiceUrlDiffersFromActivity_Returns401(string? activityServiceUrl)
    {
        Activity activity = TeamsActivity() with { ServiceUrl = activityServiceUrl };

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}", activity);

        AssertRejected(401, result);
        Assert.Equal("serviceurl claim does not match the activity's serviceUrl", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenServiceUrlDiffers_Returns401()
    {
        string token = EntraV2Token(serviceUrl: "https://smba.trafficmanager.net/amer/");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
    }

    // ---- Reject: anonymous mode ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticateAsync_TokenPresentInAnonymousMode_Returns401(bool validToken)
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(appId: "");
        string header = validToken ? $"Bearer {Token()}" : "Bearer not-a-token";

        BotAuthenticationResult result = await AuthenticateAsync(header, authenticator: authenticator);

        AssertRejected(401, result);
        Assert.False(result.Anonymous);
    }

    // ---- Fail closed ----

    [Fact]
    public async Task AuthenticateAsync_MetadataEndpointDown_Returns401WithoutException()
    {
        _server.Available = false;

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}");

        AssertRejected(401, result);
        Assert.Equal("signing keys are unavailable", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataEndpointBackAfterOutage_Succeeds()
    {
        _server.Available = false;
        AssertRejected(401, await AuthenticateAsync($"Bearer {Token()}"));
        _server.Available = true;

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataHostUnreachable_Returns401WithoutException()
    {
        string closedPortUrl = $"http://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration";
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(
            settings: new() { [$"{BotAuthenticationOptions.SectionName}:BotFrameworkOpenIdMetadataUrl"] = closedPortUrl });

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}", authenticator: authenticator);

        AssertRejected(401, result);
    }

    [Fact]
    public async Task AuthenticateAsync_HttpMetadataWhileHttpsRequired_Returns401WithoutFetching()
    {
        IBotRequestAuthenticator authenticator = await CreateAuthenticatorAsync(
            settings: new() { [$"{BotAuthenticationOptions.SectionName}:RequireHttpsMetadata"] = "true" });

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {Token()}", authenticator: authenticator);

        AssertRejected(401, result);
        Assert.Equal(0, _server.MetadataRequests);
    }

    // ---- Logging ----

    [Fact]
    public async Task AuthenticateAsync_Rejected_LogsReasonButNoTokenContents()
    {
        string token = Token(audience: "11111111-2222-3333-4444-555555555555");

        BotAuthenticationResult result = await AuthenticateAsync($"Bearer {token}");

        AssertRejected(401, result);
        IReadOnlyList<FakeLogRecord> logs = _defaultHost!.Services.GetFakeLogCollector().GetSnapshot();
        FakeLogRecord rejected = Assert.Single(logs, r => r.Id.Id == 1101);
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Contains(result.Reason, rejected.Message, StringComparison.Ordinal);
        string[] secrets = [.. token.Split('.'), "11111111-2222-3333-4444-555555555555", ServiceUrl];
        Assert.All(logs, r => Assert.DoesNotContain(secrets, s => $"{r.Message} {r.Exception}".Contains(s, StringComparison.Ordinal)));
    }

    // ---- Helpers ----

    private static void AssertRejected(int expectedStatusCode, BotAuthenticationResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(expectedStatusCode, result.StatusCode);
    }

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        Id = "1712345678901",
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Text = "hallo",
    };

    private async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorization, Activity? activity = null, IBotRequestAuthenticator? authenticator = null, System.Net.IPAddress? remote = null,
        string? origin = null)
    {
        if (authenticator is null)
        {
            _defaultHost ??= await StartHostAsync(AppId, []);
            authenticator = _defaultHost.Services.GetRequiredService<IBotRequestAuthenticator>();
        }

        DefaultHttpContext context = new();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/messages";
        context.Connection.RemoteIpAddress = remote;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        return await authenticator.AuthenticateAsync(context.Request, activity ?? TeamsActivity(), Ct);
    }

    private async Task<IBotRequestAuthenticator> CreateAuthenticatorAsync(
        string appId = AppId, Dictionary<string, string?>? settings = null)
    {
        IHost host = await StartHostAsync(appId, settings ?? []);
        return host.Services.GetRequiredService<IBotRequestAuthenticator>();
    }

    private async Task<IHost> StartHostAsync(string appId, Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        Dictionary<string, string?> configuration = new()
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppTenantId"] = TenantId,
            [$"{BotAuthenticationOptions.SectionName}:BotFrameworkOpenIdMetadataUrl"] = _server.BotFrameworkMetadataUrl,
            [$"{BotAuthenticationOptions.SectionName}:EntraOpenIdMetadataUrlTemplate"] = _server.EntraMetadataUrlTemplate,
            [$"{BotAuthenticationOptions.SectionName}:RequireHttpsMetadata"] = "false",
        };
        foreach ((string key, string? value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddBotAuthentication();
        IHost host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync(Ct);
        return host;
    }

    private string Token(
        SigningCredentials? signing = null,
        string issuer = BotFrameworkIssuer,
        string? audience = AppId,
        string? serviceUrl = ServiceUrl,
        TimeSpan? notBefore = null,
        TimeSpan? expires = null,
        Dictionary<string, object>? claims = null,
        bool unsigned = false,
        bool withoutExpiry = false)
    {
        DateTimeOffset now = _time.GetUtcNow();
        Dictionary<string, object> payload = claims ?? [];
        if (serviceUrl is not null)
        {
            payload["serviceurl"] = serviceUrl;
        }

        SecurityTokenDescriptor descriptor = new()
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (now + (notBefore ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            NotBefore = (now + (notBefore ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            Expires = withoutExpiry ? null : (now + (expires ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = payload,
            SigningCredentials = unsigned ? null : signing ?? TestSigningKey.BotFramework.SigningCredentials(),
        };
        return TokenHandler.CreateToken(descriptor);
    }

    private string EntraV2Token(SigningCredentials? signing = null, string azp = AppId, string? serviceUrl = ServiceUrl) =>
        Token(signing ?? TestSigningKey.Entra.SigningCredentials(), EntraV2Issuer, serviceUrl: serviceUrl,
            claims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = TenantId });

    private static int ClosedPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
