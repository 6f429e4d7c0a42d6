namespace RegieBot.Protocol.Authentication;

/// <summary>
/// What the bot's identity must have before the host starts. Only in Development is an empty app id the anonymous
/// local mode (then served on loopback only); in every other environment (Staging slots too) it is refused; in Production the bot is single tenant and has credentials for its own tokens: a client secret, or
/// a user-assigned managed identity. Each problem is one message naming the key to set.
/// </summary>
public static class BotCredentialRequirements
{
    internal const string MissingAppIdMessage =
        "MicrosoftAppId is empty: RegieBot does not run without authentication in Production. " +
        "Set MicrosoftAppId (and MicrosoftAppPassword and MicrosoftAppTenantId) to the bot's Entra ID app registration, " +
        "or MicrosoftAppType=UserAssignedMSI with MicrosoftAppId set to the managed identity's client id.";

    internal const string AnonymousOutsideDevelopmentMessage =
        "MicrosoftAppId is empty: RegieBot runs without authentication only in the Development environment, for local use " +
        "(it then serves loopback only). Set MicrosoftAppId (and MicrosoftAppPassword and MicrosoftAppTenantId), or " +
        "ASPNETCORE_ENVIRONMENT=Development on a developer's machine.";

    internal const string MissingPasswordMessage =
        "MicrosoftAppPassword is empty: in Production RegieBot needs credentials for its own tokens. Set MicrosoftAppPassword " +
        "to a client secret of the app registration MicrosoftAppId, or set MicrosoftAppType=UserAssignedMSI with MicrosoftAppId " +
        "set to the client id of the Web App's user-assigned managed identity.";

    internal const string MissingTenantMessage =
        "MicrosoftAppTenantId is empty: in Production RegieBot is a single-tenant bot. Set MicrosoftAppTenantId to the " +
        "Entra ID tenant of its app registration or managed identity.";

    /// <summary>Null when the identity may start; otherwise why not.</summary>
    public static string? FindProblem(BotIdentityOptions identity, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(identity);
        bool production = string.Equals(environmentName, "Production", StringComparison.OrdinalIgnoreCase);
        if (identity.IsAnonymous)
        {
            return production ? MissingAppIdMessage
                : string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase) ? null
                : AnonymousOutsideDevelopmentMessage;
        }

        string type = identity.MicrosoftAppType?.Trim() ?? string.Empty;
        if (type.Length > 0
            && !type.Equals(BotIdentityOptions.SingleTenant, StringComparison.OrdinalIgnoreCase)
            && !type.Equals(BotIdentityOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase)
            && !type.Equals(BotIdentityOptions.MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            return $"MicrosoftAppType '{type}' is not supported: use {BotIdentityOptions.SingleTenant} (an app registration with a client secret) " +
                $"or {BotIdentityOptions.UserAssignedMsi} (a user-assigned managed identity).";
        }

        if (!production)
        {
            return null;
        }

        if (type.Equals(BotIdentityOptions.MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            return $"MicrosoftAppType {BotIdentityOptions.MultiTenant} is not accepted in Production: RegieBot serves one tenant. " +
                $"Use {BotIdentityOptions.SingleTenant} or {BotIdentityOptions.UserAssignedMsi}.";
        }

        if (string.IsNullOrWhiteSpace(identity.MicrosoftAppTenantId))
        {
            return MissingTenantMessage;
        }

        if (!identity.UsesManagedIdentity && string.IsNullOrWhiteSpace(identity.MicrosoftAppPassword))
        {
            return MissingPasswordMessage;
        }

        return null;
    }
}
