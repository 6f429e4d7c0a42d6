using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegieBot.Protocol.Authentication;
using RegieBot.Testing.Teams;

namespace RegieBot.Protocol.Tests.Authentication;

/// <summary>
/// The personal tab's SSO token, against a real local OpenID endpoint of the tenant: what Teams hands the tab is
/// accepted, and every token that differs in audience, issuer, signature, lifetime, scope or user is refused.
/// "Now" is a fake clock in the past, so a token is only accepted when the validator uses the injected clock.
/// </summary>
public sealed class TabTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "8f6c2f6e-3c0a-4b1e-9d55-1c2b3a4d5e6f";
    private const string TenantId = "0b7d5b2a-5f43-4c8e-8d7e-2a9c6e1f4b3d";
    private const string OtherTenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Domain = "regiebot.example.net";
    private const string Resource = $"api://{Domain}/{AppId}";
    private const string UserId = "00000000-0000-0000-0000-000000000101";
    private const string V2Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private static readonly JsonWebTokenHandler TokenHandler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero));
    private readonly List<IHost> _hosts = [];
    private OpenIdTestServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync(Ct);
        _server.AddEntraKey(TestSigningKey.Entra);
        _server.AddBotFrameworkKey(TestSigningKey.BotFramework);
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

    [Fact]
    public async Task ValidateAsync_TeamsSsoTokenForTheExposedApi_ReturnsTheUser()
    {
        TabAuthenticationResult result = await ValidateAsync($"Bearer {Token()}");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(UserId, result.UserAadObjectId);
        Assert.Equal(TenantId, result.TenantId);
    }

    [Fact]
    public async Task ValidateAsync_V1TokenForTheAppId_ReturnsTheUser()
    {
        TabAuthenticationResult result = await ValidateAsync($"Bearer {Token(issuer: $"https://sts.windows.net/{TenantId}/", audience: AppId)}");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_DomainNotConfiguredOnAppService_UsesTheWebAppsHostName()
    {
        ITabTokenValidator validator = StartHost(AppId, domainKey: TabSsoOptions.AppServiceHostNameKey).Services.GetRequiredService<ITabTokenValidator>();

        TabAuthenticationResult result = await validator.ValidateAsync($"Bearer {Token()}", Ct);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredFourMinutesAgo_SucceedsWithinClockSkew()
    {
        TabAuthenticationResult result = await ValidateAsync($"Bearer {Token(expires: TimeSpan.FromMinutes(-4))}");

        Assert.True(result.Succeeded, result.Reason);
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "wrong audience", "token audience is not this app" },
        { "bot audience only", "token audience is not this app" },
        { "other domain", "token audience is not this app" },
        { "other tenant issuer", "token issuer is not the app's tenant" },
        { "bot framework issuer", "token issuer is not the app's tenant" },
        { "expired", "token has expired" },
        { "not yet valid", "token is not valid yet" },
        { "no expiry", "token has no expiry" },
        { "bad signature", "token signature is invalid" },
        { "tampered payload", "token signature is invalid" },
        { "unknown key", "token signing key is not in the issuer's key set" },
        { "unsigned", "token algorithm is not RS256, RS384 or RS512" },
        { "hs256", "token algorithm is not RS256, RS384 or RS512" },
        { "no scope", "token has no access_as_user scope" },
        { "other scope", "token has no access_as_user scope" },
        { "other tenant claim", "token tenant is not the app's tenant" },
        { "no user", "token names no user (oid)" },
        { "missing", "no Authorization header" },
        { "basic scheme", "Authorization header is not 'Bearer <token>'" },
        { "not a jwt", "token is not a well-formed JWT" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task ValidateAsync_RejectedToken_FailsWithReasonAndLogsNoTokenContent(string kind, string reason)
    {
        string? header = kind switch
        {
            "wrong audience" => Bearer(Token(audience: "11111111-2222-3333-4444-555555555555")),
            "bot audience only" => Bearer(Token(audience: $"api://botid-{AppId}")),
            "other domain" => Bearer(Token(audience: $"api://elders.example.net/{AppId}")),
            "other tenant issuer" => Bearer(Token(issuer: $"https://login.microsoftonline.com/{OtherTenantId}/v2.0")),
            "bot framework issuer" => Bearer(Token(issuer: "https://api.botframework.com", signing: TestSigningKey.BotFramework.SigningCredentials())),
            "expired" => Bearer(Token(expires: TimeSpan.FromMinutes(-6))),
            "not yet valid" => Bearer(Token(notBefore: TimeSpan.FromMinutes(6))),
            "no expiry" => Bearer(Token(withoutExpiry: true)),
            "bad signature" => Bearer(Token(signing: TestSigningKey.Entra.ForgedSigningCredentials())),
            "tampered payload" => Bearer(Tampered()),
            "unknown key" => Bearer(Token(signing: TestSigningKey.Unpublished.SigningCredentials())),
            "unsigned" => Bearer(Token(unsigned: true)),
            "hs256" => Bearer(Token(signing: new SigningCredentials(
                new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = TestSigningKey.Entra.KeyId }, SecurityAlgorithms.HmacSha256))),
            "no scope" => Bearer(Token(scope: null)),
            "other scope" => Bearer(Token(scope: "User.Read")),
            "other tenant claim" => Bearer(Token(tenant: OtherTenantId)),
            "no user" => Bearer(Token(user: null)),
            "missing" => null,
            "basic scheme" => $"Basic {Token()}",
            "not a jwt" => "Bearer not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        TabAuthenticationResult result = await ValidateAsync(header, out FakeLogCollector logs);

        Assert.False(result.Succeeded);
        Assert.Null(result.UserAadObjectId);
        Assert.Equal(reason, result.Reason);
        FakeLogRecord rejected = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1107);
        Assert.Contains(reason, rejected.Message, StringComparison.Ordinal);
        string[] secrets = [.. (header ?? "x.y.z").Split(' ')[^1].Split('.').Where(p => p.Length > 8), UserId];
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain(secrets, s => $"{r.Message} {r.Exception}".Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ValidateAsync_WithoutAppId_RejectsEveryTokenAndIsNotConfigured()
    {
        ITabTokenValidator validator = CreateValidator(appId: "");

        TabAuthenticationResult result = await validator.ValidateAsync($"Bearer {Token()}", Ct);

        Assert.False(validator.IsConfigured);
        Assert.False(result.Succeeded);
        Assert.Equal(0, _server.MetadataRequests);
    }

    [Fact]
    public async Task ValidateAsync_MetadataUnavailable_FailsClosed()
    {
        _server.Available = false;

        TabAuthenticationResult result = await ValidateAsync($"Bearer {Token()}");

        Assert.False(result.Succeeded);
        Assert.Equal("signing keys are unavailable", result.Reason);
    }

    private static string Bearer(string token) => $"Bearer {token}";

    private string Tampered()
    {
        string[] valid = Token().Split('.');
        string[] other = Token(user: "00000000-0000-0000-0000-000000000199").Split('.');
        return $"{valid[0]}.{other[1]}.{valid[2]}";
    }

    private Task<TabAuthenticationResult> ValidateAsync(string? header) => ValidateAsync(header, out _);

    private Task<TabAuthenticationResult> ValidateAsync(string? header, out FakeLogCollector logs)
    {
        IHost host = StartHost(AppId);
        logs = host.Services.GetFakeLogCollector();
        return host.Services.GetRequiredService<ITabTokenValidator>().ValidateAsync(header, Ct);
    }

    private ITabTokenValidator CreateValidator(string appId) => StartHost(appId).Services.GetRequiredService<ITabTokenValidator>();

    private IHost StartHost(string appId, string domainKey = $"{TabSsoOptions.SectionName}:Domain")
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppTenantId"] = TenantId,
            [$"{BotAuthenticationOptions.SectionName}:BotFrameworkOpenIdMetadataUrl"] = _server.BotFrameworkMetadataUrl,
            [$"{BotAuthenticationOptions.SectionName}:EntraOpenIdMetadataUrlTemplate"] = _server.EntraMetadataUrlTemplate,
            [$"{BotAuthenticationOptions.SectionName}:RequireHttpsMetadata"] = "false",
            [domainKey] = Domain,
        });
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddBotAuthentication();
        IHost host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    private string Token(
        SigningCredentials? signing = null,
        string issuer = V2Issuer,
        string audience = Resource,
        string? scope = TabSsoOptions.Scope,
        string tenant = TenantId,
        string? user = UserId,
        TimeSpan? notBefore = null,
        TimeSpan? expires = null,
        bool unsigned = false,
        bool withoutExpiry = false)
    {
        DateTimeOffset now = _time.GetUtcNow();
        Dictionary<string, object> claims = new() { ["ver"] = "2.0", ["tid"] = tenant, ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346" };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        if (user is not null)
        {
            claims["oid"] = user;
        }

        return TokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (now + (notBefore ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            NotBefore = (now + (notBefore ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            Expires = withoutExpiry ? null : (now + (expires ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            SigningCredentials = unsigned ? null : signing ?? TestSigningKey.Entra.SigningCredentials(),
        });
    }
}
