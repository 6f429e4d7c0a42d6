namespace RegieBot.Protocol;

/// <summary>
/// The bot's Entra ID app, read from the top-level keys <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>
/// and <c>MicrosoftAppTenantId</c>. An empty app id means anonymous local mode.
/// </summary>
public sealed class BotIdentityOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
