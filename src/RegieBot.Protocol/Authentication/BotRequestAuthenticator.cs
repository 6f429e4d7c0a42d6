using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// Validates the channel's bearer token as in bot-protocol.md C.1: Bot Framework tokens and Entra ID tokens of the
/// bot's own tenant, each checked against the keys of its own issuer; then the key's channel endorsement and the
/// <c>serviceurl</c> claim against the activity. Every failure is a 401 or 403 result, never an exception.
/// </summary>
internal sealed class BotRequestAuthenticator(
    IOptions<BotIdentityOptions> identityOptions,
    IOptions<BotAuthenticationOptions> authenticationOptions,
    OpenIdMetadataCache metadata,
    TimeProvider timeProvider,
    ILogger<BotRequestAuthenticator> logger) : IBotRequestAuthenticator
{
    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsMember = "endorsements";

    private readonly JsonWebTokenHandler _tokenHandler = new() { MapInboundClaims = false };

    public async Task<BotAuthenticationResult> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(activity);

        bool anonymous = identityOptions.Value.IsAnonymous;
        BotAuthenticationResult result = anonymous && !IsLocal(request.HttpContext.Connection.RemoteIpAddress)
            ? BotAuthenticationResult.Unauthorized("anonymous local mode serves loopback only")
            : anonymous && request.Headers.Origin.Count > 0
                // Only a browser sends Origin, and no browser talks to a bot endpoint: without it, any web page open on
                // this machine could drive the unauthenticated bot with a cross-site POST.
                ? BotAuthenticationResult.Forbidden("anonymous local mode refuses requests from a web page (Origin header)")
                : await AuthenticateCoreAsync(request.Headers.Authorization, activity, cancellationToken);
        if (!result.Succeeded)
        {
            logger.RequestRejected(result.StatusCode, result.Reason);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> AuthenticateCoreAsync(
        StringValues authorization, Activity activity, CancellationToken cancellationToken)
    {
        BotIdentityOptions identity = identityOptions.Value;
        if (identity.IsAnonymous)
        {
            if (authorization.Count > 0)
            {
                // Without an app id nothing can be validated, and a token must never be trusted unvalidated.
                return BotAuthenticationResult.Unauthorized("Authorization header present while running in anonymous local mode");
            }

            logger.AnonymousRequestAccepted();
            return BotAuthenticationResult.AnonymousLocal;
        }

        if (authorization.Count == 0)
        {
            return BotAuthenticationResult.Unauthorized("no Authorization header");
        }

        // Two Authorization headers join with a comma, which is never 'Bearer <token>'.
        JsonWebToken? jwt = JwtChecks.ReadBearer(_tokenHandler, authorization.Count > 1 ? "," : authorization.ToString(), out string reason);
        if (jwt is null)
        {
            return BotAuthenticationResult.Unauthorized(reason);
        }

        // The issuer is not validated yet: it only chooses whose keys to check the signature with.
        TokenIssuer? issuer = ResolveIssuer(jwt.Issuer, identity);
        if (issuer is null)
        {
            return BotAuthenticationResult.Unauthorized("token issuer is not accepted");
        }

        JsonWebKey? signingKey;
        try
        {
            signingKey = await JwtChecks.ResolveSigningKeyAsync(metadata, issuer.MetadataAddress, jwt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Fail closed: without keys nothing is accepted, and the caller gets a 401 rather than a 5xx.
            logger.MetadataUnavailable(issuer.MetadataAddress, ex);
            return BotAuthenticationResult.Unauthorized("signing keys are unavailable");
        }

        if (signingKey is null)
        {
            return BotAuthenticationResult.Unauthorized("token signing key is not in the issuer's key set");
        }

        TokenValidationResult validation = await _tokenHandler.ValidateTokenAsync(
            jwt, JwtChecks.ValidationParameters(issuer.Issuer, issuer.Audiences, signingKey));
        if (!validation.IsValid)
        {
            return BotAuthenticationResult.Unauthorized(JwtChecks.DescribeFailure(validation.Exception));
        }

        string? lifetimeProblem = JwtChecks.CheckLifetime(jwt, timeProvider.GetUtcNow().UtcDateTime, authenticationOptions.Value.ClockSkew);
        if (lifetimeProblem is not null)
        {
            return BotAuthenticationResult.Unauthorized(lifetimeProblem);
        }

        if (issuer.Family == TokenFamily.Entra && !IsIssuedToThisBot(jwt, issuer.AppId))
        {
            return BotAuthenticationResult.Unauthorized("Entra token was not requested by this bot (appid/azp)");
        }

        if (issuer.Family == TokenFamily.BotFramework && !IsEndorsed(signingKey, activity.ChannelId))
        {
            return BotAuthenticationResult.Forbidden("signing key is not endorsed for the activity's channel");
        }

        bool hasServiceUrl = jwt.TryGetPayloadValue(ServiceUrlClaim, out string? serviceUrl);
        if (!hasServiceUrl && issuer.Family == TokenFamily.BotFramework)
        {
            return BotAuthenticationResult.Unauthorized("serviceurl claim is missing");
        }

        // The JWT does not sign the body: this comparison is what ties the token to the serviceUrl it was issued for.
        if (hasServiceUrl && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.Ordinal))
        {
            return BotAuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        logger.RequestAuthenticated(issuer.Family.ToString());
        return BotAuthenticationResult.Authenticated;
    }

    /// <summary>Loopback, or no network peer at all (an in-process test server).</summary>
    private static bool IsLocal(System.Net.IPAddress? remote) => remote is null || System.Net.IPAddress.IsLoopback(remote);

    private TokenIssuer? ResolveIssuer(string issuer, BotIdentityOptions identity)
    {
        BotAuthenticationOptions options = authenticationOptions.Value;
        string appId = JwtChecks.CanonicalId(identity.MicrosoftAppId!);
        if (string.Equals(issuer, options.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return new TokenIssuer(TokenFamily.BotFramework, issuer, options.BotFrameworkOpenIdMetadataUrl, appId, [appId]);
        }

        if (string.IsNullOrWhiteSpace(identity.MicrosoftAppTenantId))
        {
            return null;
        }

        string tenantId = JwtChecks.CanonicalId(identity.MicrosoftAppTenantId);
        if (JwtChecks.IsTenantIssuer(issuer, tenantId))
        {
            string metadataAddress = JwtChecks.TenantMetadataAddress(options, tenantId);
            return new TokenIssuer(TokenFamily.Entra, issuer, metadataAddress, appId, [appId, $"api://{appId}", $"api://botid-{appId}"]);
        }

        return null;
    }

    private static bool IsEndorsed(JsonWebKey key, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId) || !key.AdditionalData.TryGetValue(EndorsementsMember, out object? endorsements))
        {
            return false;
        }

        return endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Any(e => e.ValueKind == JsonValueKind.String && e.ValueEquals(channelId)),
            IEnumerable<object> list => list.Any(e => string.Equals(e as string, channelId, StringComparison.Ordinal)),
            _ => false,
        };
    }

    // Entra tokens name the app that asked for them: appid in v1 tokens, azp in v2 tokens. Only the bot's own app
    // may send them to us (the Emulator and agent flows obtain them with the bot's credentials).
    private static bool IsIssuedToThisBot(JsonWebToken jwt, string appId)
    {
        string? version = jwt.TryGetPayloadValue("ver", out string? ver) ? ver : null;
        string? callerClaim = version switch
        {
            null or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        return callerClaim is not null
            && jwt.TryGetPayloadValue(callerClaim, out string? caller)
            && string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase);
    }

    private enum TokenFamily
    {
        BotFramework,
        Entra,
    }

    private sealed record TokenIssuer(TokenFamily Family, string Issuer, string MetadataAddress, string AppId, string[] Audiences);
}
