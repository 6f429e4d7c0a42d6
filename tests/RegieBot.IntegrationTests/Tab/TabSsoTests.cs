using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Bot;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// The tab with an Entra app on the real host and storage: the Teams SSO token of a professional shows their
/// kaarten and only theirs; a rejected token (the matrix is in TabTokenValidatorTests) or the local sign-in gets 401.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TabSsoTests : IAsyncLifetime
{
    private const string AppId = "8f6c2f6e-3c0a-4b1e-9d55-1c2b3a4d5e6f";
    private const string TenantId = "00000000-0000-0000-0000-000000000001";
    private const string Domain = "regiebot.example.net";

    private static readonly JsonWebTokenHandler TokenHandler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly AzuriteStorage _storage = new();
    private OpenIdTestServer _openId = null!;
    private AzuriteBotApplicationFactory _app = null!;
    private IReadOnlyDictionary<string, string> _ids = new Dictionary<string, string>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _storage.InitializeAsync();
        _openId = await OpenIdTestServer.StartAsync(CancellationToken.None);
        _openId.AddEntraKey(TestSigningKey.Entra);
        _app = new AzuriteBotApplicationFactory(_storage.TablePrefix, settings: new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["RegieBot:Authentication:EntraOpenIdMetadataUrlTemplate"] = _openId.EntraMetadataUrlTemplate,
            ["RegieBot:Authentication:BotFrameworkOpenIdMetadataUrl"] = _openId.BotFrameworkMetadataUrl,
            ["RegieBot:Authentication:RequireHttpsMetadata"] = "false",
            ["RegieBot:Tab:Domain"] = Domain,
            ["RegieBot:Reminders:PollInterval"] = "01:00:00",
        });
        _ids = await TabDemoKaarten.SeedAsync(
            _app.Services.GetRequiredService<Domain.Kaarten.IKaartStore>(), _app.Services.GetRequiredService<IReminderStore>(), _storage.TablePrefix, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _openId.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Overzicht_SsoTokenOfJoost_ShowsOnlyHisKaart()
    {
        HttpClient client = Client(Token(TabDemoKaarten.Joost));

        string html = await client.GetStringAsync("/tab/api/overzicht", Ct);
        HttpResponseMessage others = await client.GetAsync($"/tab/api/kaarten/{_ids[TabDemoKaarten.FamilieT]}", Ct);

        Assert.Contains("Gezin K.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Familie", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
    }

    [Fact]
    public async Task Aanmelding_WithEntraApp_IsTeamsSsoWithoutMockUsers()
    {
        string json = await Client(null).GetStringAsync("/tab/api/aanmelding", Ct);

        Assert.Equal("{\"modus\":\"teams\",\"gebruikers\":[]}", json);
    }

    [Theory]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    [InlineData("bad signature")]
    [InlineData("local sign-in")]
    [InlineData("missing")]
    public async Task Overzicht_RejectedSignIn_Returns401(string kind)
    {
        HttpClient client = kind switch
        {
            "wrong audience" => Client(Token(TabDemoKaarten.Sanne, audience: $"api://botid-{AppId}")),
            "expired" => Client(Token(TabDemoKaarten.Sanne, expires: TimeSpan.FromMinutes(-10))),
            "bad signature" => Client(Token(TabDemoKaarten.Sanne, signing: TestSigningKey.Entra.ForgedSigningCredentials())),
            _ => Client(null),
        };
        if (kind == "local sign-in")
        {
            client.DefaultRequestHeaders.Add("X-RegieBot-Lokale-Gebruiker", TabDemoKaarten.Sanne);
        }

        HttpResponseMessage response = await client.GetAsync("/tab/api/overzicht", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Client(string? token)
    {
        HttpClient client = _app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static string Token(string user, string audience = $"api://{Domain}/{AppId}", TimeSpan? expires = null, SigningCredentials? signing = null)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return TokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Audience = audience,
            IssuedAt = now.AddMinutes(-20).UtcDateTime,
            NotBefore = now.AddMinutes(-20).UtcDateTime,
            Expires = (now + (expires ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["ver"] = "2.0", ["tid"] = TenantId, ["oid"] = user, ["scp"] = "access_as_user" },
            SigningCredentials = signing ?? TestSigningKey.Entra.SigningCredentials(),
        });
    }
}
