using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RegieBot.Testing.Teams.Fuzz;

/// <summary>
/// A test signing key published as the Bot Framework's: the host authenticates with its real authenticator (issuer,
/// signature, audience, lifetime, endorsement, serviceurl claim) against an in-memory OpenID endpoint, and the fuzzer
/// signs its requests with the key. <see cref="Settings"/> and <see cref="Handler"/> point the host at it.
/// </summary>
public sealed class FuzzSigning
{
    public const string AppId = "8f6c2f6e-3c0a-4b1e-9d55-1c2b3a4d5e6f";
    public const string MetadataHttpClientName = "RegieBot.OpenIdMetadata";
    private const string Host = "http://openid.fuzz.test";
    private const string Issuer = "https://api.botframework.com";

    private static readonly JsonWebTokenHandler Tokens = new();

    private readonly TestSigningKey _key = new("fuzz-key-1", ["msteams"]);
    private readonly ConcurrentDictionary<string, string> _byServiceUrl = new(StringComparer.Ordinal);

    /// <summary>The configuration that makes the host trust this key (and only it), as the bot with an app id.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppTenantId"] = FuzzSeeds.TenantId,
        ["RegieBot:Authentication:BotFrameworkOpenIdMetadataUrl"] = $"{Host}/v1/.well-known/openidconfiguration",
        ["RegieBot:Authentication:EntraOpenIdMetadataUrlTemplate"] = Host + "/{tenantId}/v2.0/.well-known/openid-configuration",
        ["RegieBot:Authentication:RequireHttpsMetadata"] = "false",
    };

    /// <summary>Serves the metadata and key set; the primary handler of the host's metadata HTTP client.</summary>
    public HttpMessageHandler Handler() => new OpenIdHandler(this);

    /// <summary>A valid token for an activity with this serviceUrl (tokens are cached: signing is slow).</summary>
    public string TokenFor(string? serviceUrl)
    {
        string key = serviceUrl ?? "";
        if (_byServiceUrl.TryGetValue(key, out string? token))
        {
            return token;
        }

        token = Sign(serviceUrl);
        if (_byServiceUrl.Count < 1000)
        {
            _byServiceUrl.TryAdd(key, token);
        }

        return token;
    }

    public string AuthorizationFor(FuzzAuth auth, string? serviceUrl) => auth switch
    {
        FuzzAuth.Valid => "Bearer " + TokenFor(serviceUrl),
        FuzzAuth.Garbage => "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        _ => "",
    };

    private string Sign(string? serviceUrl)
    {
        Dictionary<string, object> claims = [];
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(12),
            Claims = claims,
            SigningCredentials = _key.SigningCredentials(),
        });
    }

    private string KeySet() => new JsonObject { ["keys"] = new JsonArray(_key.ToJwk()) }.ToJsonString();

    private static string Metadata(string issuer, string jwksUri) => new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = $"{Host}/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    private sealed class OpenIdHandler(FuzzSigning signing) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri?.AbsolutePath ?? "";
            string? body = path switch
            {
                "/v1/.well-known/openidconfiguration" => Metadata(Issuer, $"{Host}/v1/.well-known/keys"),
                "/v1/.well-known/keys" => signing.KeySet(),
                _ when path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal) =>
                    Metadata($"https://login.microsoftonline.com/{FuzzSeeds.TenantId}/v2.0", $"{Host}/{FuzzSeeds.TenantId}/discovery/v2.0/keys"),
                _ when path.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal) => new JsonObject { ["keys"] = new JsonArray() }.ToJsonString(),
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
