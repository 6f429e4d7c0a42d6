using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// The checks the bot endpoint and the personal tab share: the bearer header, the token's shape and algorithm,
/// the signing key from the issuer's own key set, and the lifetime against the injected clock. Each returns a
/// fixed reason text (never token contents), or null when the check passes.
/// </summary>
internal static class JwtChecks
{
    private const string BearerScheme = "Bearer";

    public static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>The header as one "Bearer &lt;token&gt;" and a signed RS* JWT that names its key; null and the reason otherwise.</summary>
    public static JsonWebToken? ReadBearer(JsonWebTokenHandler handler, string? header, out string reason)
    {
        string[] parts = (header ?? string.Empty).Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], BearerScheme, StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            reason = "Authorization header is not 'Bearer <token>'";
            return null;
        }

        reason = "token is not a well-formed JWT";
        if (!handler.CanReadToken(parts[1]))
        {
            return null;
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (jwt.IsEncrypted || !AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            reason = "token algorithm is not RS256, RS384 or RS512";
            return null;
        }

        if (string.IsNullOrEmpty(jwt.Kid) && string.IsNullOrEmpty(jwt.X5t))
        {
            reason = "token names no signing key (kid or x5t)";
            return null;
        }

        reason = string.Empty;
        return jwt;
    }

    public static JsonWebKey? FindSigningKey(OpenIdConnectConfiguration configuration, JsonWebToken jwt)
    {
        IEnumerable<JsonWebKey> keys = (configuration.JsonWebKeySet?.Keys ?? [])
            .Where(k => string.IsNullOrEmpty(k.Use) || k.Use == JsonWebKeyUseNames.Sig);
        return string.IsNullOrEmpty(jwt.Kid)
            ? keys.FirstOrDefault(k => k.X5t == jwt.X5t || k.Kid == jwt.X5t)
            : keys.FirstOrDefault(k => k.Kid == jwt.Kid);
    }

    /// <summary>The key named by the token from the issuer's cached keys, fetching them again once when it is unknown.</summary>
    public static async Task<JsonWebKey?> ResolveSigningKeyAsync(
        OpenIdMetadataCache metadata, string metadataAddress, JsonWebToken jwt, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration = await metadata.GetAsync(metadataAddress, cancellationToken);
        JsonWebKey? signingKey = FindSigningKey(configuration, jwt);
        if (signingKey is null)
        {
            configuration = await metadata.RefreshAsync(metadataAddress, cancellationToken);
            signingKey = FindSigningKey(configuration, jwt);
        }

        return signingKey;
    }

    public static TokenValidationParameters ValidationParameters(string issuer, IEnumerable<string> audiences, JsonWebKey signingKey) => new()
    {
        ValidIssuer = issuer,
        ValidAudiences = audiences,
        // The key was already chosen from the issuer's own key set, by kid or x5t.
        IssuerSigningKeyResolver = (_, _, _, _) => [signingKey],
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        // Checked by CheckLifetime against the injected TimeProvider (TokenValidationParameters.TimeProvider is internal).
        ValidateLifetime = false,
    };

    public static string? CheckLifetime(JsonWebToken jwt, DateTime now, TimeSpan skew)
    {
        if (jwt.ValidTo == DateTime.MinValue)   // no exp claim
        {
            return "token has no expiry";
        }

        if (jwt.ValidTo < now - skew)
        {
            return "token has expired";
        }

        if (jwt.ValidFrom > now + skew)   // a missing nbf reads as DateTime.MinValue
        {
            return "token is not valid yet";
        }

        return null;
    }

    public static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "token audience is not this app",
        SecurityTokenInvalidIssuerException => "token issuer is not accepted",
        SecurityTokenInvalidAlgorithmException => "token algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "token signature is invalid",
        null => "token is invalid",
        _ => $"token is invalid ({exception.GetType().Name})",
    };

    /// <summary>The tenant's own Entra issuers (v2 and v1 tokens).</summary>
    public static bool IsTenantIssuer(string issuer, string tenantId) =>
        string.Equals(issuer, $"https://login.microsoftonline.com/{tenantId}/v2.0", StringComparison.Ordinal)
        || string.Equals(issuer, $"https://sts.windows.net/{tenantId}/", StringComparison.Ordinal);

    public static string TenantMetadataAddress(BotAuthenticationOptions options, string tenantId) =>
        options.EntraOpenIdMetadataUrlTemplate.Replace(
            BotAuthenticationOptions.TenantIdPlaceholder, Uri.EscapeDataString(tenantId), StringComparison.Ordinal);

    // App and tenant ids are GUIDs; tokens carry them in the canonical lower-case form.
    public static string CanonicalId(string id) =>
        Guid.TryParse(id, out Guid guid) ? guid.ToString("D") : id.Trim();
}
