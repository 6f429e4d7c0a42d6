namespace RegieBot.Protocol;

/// <summary>
/// The bot's Entra ID identity, read from the top-level keys <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c> and <c>MicrosoftAppType</c>. An empty app id means anonymous local mode.
/// </summary>
public sealed class BotIdentityOptions
{
    /// <summary>An app registration in one tenant, with a client secret (<c>MicrosoftAppPassword</c>). The default.</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>A user-assigned managed identity: <c>MicrosoftAppId</c> is its client id, and there is no secret.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>Legacy: no new multi-tenant bots can be registered; not accepted in Production.</summary>
    public const string MultiTenant = "MultiTenant";

    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><see cref="SingleTenant"/> (also when empty), <see cref="UserAssignedMsi"/> or <see cref="MultiTenant"/>.</summary>
    public string? MicrosoftAppType { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The bot gets its own tokens from the managed identity endpoint instead of with a client secret.</summary>
    public bool UsesManagedIdentity => string.Equals(MicrosoftAppType?.Trim(), UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
}
