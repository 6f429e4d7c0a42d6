using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// The tab's SSO token as Teams hands it out: issued by the bot's own tenant (v2 or v1 issuer), signed with a
/// key from that tenant's OpenID metadata, for the app's exposed API (<see cref="TabSsoOptions"/>) or the app id,
/// within its lifetime (the bot endpoint's clock skew), with the <c>access_as_user</c> scope and a user's object id
/// and tenant. The same checks, key cache and fail-closed handling as the bot endpoint (<see cref="JwtChecks"/>).
/// </summary>
internal sealed class TabTokenValidator(
    IOptions<BotIdentityOptions> identityOptions,
    IOptions<BotAuthenticationOptions> authenticationOptions,
    IOptions<TabSsoOptions> tabOptions,
    OpenIdMetadataCache metadata,
    TimeProvider timeProvider,
    ILogger<TabTokenValidator> logger) : ITabTokenValidator
{
    private readonly JsonWebTokenHandler _tokenHandler = new() { MapInboundClaims = false };

    public bool IsConfigured =>
        !identityOptions.Value.IsAnonymous && !string.IsNullOrWhiteSpace(identityOptions.Value.MicrosoftAppTenantId);

    public async Task<TabAuthenticationResult> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        TabAuthenticationResult result = await ValidateCoreAsync(authorization, cancellationToken);
        if (!result.Succeeded)
        {
            logger.TabTokenRejected(result.Reason);
        }

        return result;
    }

    private async Task<TabAuthenticationResult> ValidateCoreAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return TabAuthenticationResult.Rejected("no Entra app is configured (MicrosoftAppId, MicrosoftAppTenantId)");
        }

        if (string.IsNullOrEmpty(authorization))
        {
            return TabAuthenticationResult.Rejected("no Authorization header");
        }

        JsonWebToken? jwt = JwtChecks.ReadBearer(_tokenHandler, authorization, out string reason);
        if (jwt is null)
        {
            return TabAuthenticationResult.Rejected(reason);
        }

        BotIdentityOptions identity = identityOptions.Value;
        string appId = JwtChecks.CanonicalId(identity.MicrosoftAppId!);
        string tenantId = JwtChecks.CanonicalId(identity.MicrosoftAppTenantId!);
        if (!JwtChecks.IsTenantIssuer(jwt.Issuer, tenantId))
        {
            return TabAuthenticationResult.Rejected("token issuer is not the app's tenant");
        }

        string metadataAddress = JwtChecks.TenantMetadataAddress(authenticationOptions.Value, tenantId);
        JsonWebKey? signingKey;
        try
        {
            signingKey = await JwtChecks.ResolveSigningKeyAsync(metadata, metadataAddress, jwt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.MetadataUnavailable(metadataAddress, ex);
            return TabAuthenticationResult.Rejected("signing keys are unavailable");
        }

        if (signingKey is null)
        {
            return TabAuthenticationResult.Rejected("token signing key is not in the issuer's key set");
        }

        TokenValidationResult validation = await _tokenHandler.ValidateTokenAsync(
            jwt, JwtChecks.ValidationParameters(jwt.Issuer, Audiences(appId), signingKey));
        if (!validation.IsValid)
        {
            return TabAuthenticationResult.Rejected(JwtChecks.DescribeFailure(validation.Exception));
        }

        if (JwtChecks.CheckLifetime(jwt, timeProvider.GetUtcNow().UtcDateTime, authenticationOptions.Value.ClockSkew) is { } lifetimeProblem)
        {
            return TabAuthenticationResult.Rejected(lifetimeProblem);
        }

        if (!jwt.TryGetPayloadValue("scp", out string? scopes) || scopes is null || !scopes.Split(' ').Contains(TabSsoOptions.Scope, StringComparer.Ordinal))
        {
            return TabAuthenticationResult.Rejected("token has no access_as_user scope");
        }

        if (!jwt.TryGetPayloadValue("tid", out string? tid) || tid is null || !string.Equals(JwtChecks.CanonicalId(tid), tenantId, StringComparison.Ordinal))
        {
            return TabAuthenticationResult.Rejected("token tenant is not the app's tenant");
        }

        if (!jwt.TryGetPayloadValue("oid", out string? oid) || oid is null || !Guid.TryParse(oid, out _))
        {
            return TabAuthenticationResult.Rejected("token names no user (oid)");
        }

        return new TabAuthenticationResult(JwtChecks.CanonicalId(oid), tenantId, string.Empty);
    }

    private string[] Audiences(string appId) =>
        tabOptions.Value.Domain is { Length: > 0 } domain ? [appId, $"api://{domain}/{appId}"] : [appId];
}
