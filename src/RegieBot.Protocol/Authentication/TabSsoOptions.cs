using System.ComponentModel.DataAnnotations;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// The personal tab's single sign-on. The tab's tokens are for the bot's own app registration
/// (<c>MicrosoftAppId</c>, tenant <c>MicrosoftAppTenantId</c>), whose exposed API is the manifest's
/// <c>webApplicationInfo.resource</c>: <c>api://{Domain}/{MicrosoftAppId}</c>.
/// </summary>
public sealed class TabSsoOptions
{
    public const string SectionName = "RegieBot:Tab";

    /// <summary>The scope the tab asks for; a token without it was not meant for us.</summary>
    public const string Scope = "access_as_user";

    /// <summary>Set by App Service to the Web App's default host name: the domain when none is configured.</summary>
    public const string AppServiceHostNameKey = "WEBSITE_HOSTNAME";

    /// <summary>
    /// The tab's host name (e.g. <c>regiebot.azurewebsites.net</c>), as in the manifest's <c>validDomains</c>;
    /// empty: <see cref="AppServiceHostNameKey"/>.
    /// </summary>
    [RegularExpression(@"^[A-Za-z0-9.-]+(:[0-9]+)?$", ErrorMessage = "{0} must be a host name, without scheme or path.")]
    public string? Domain { get; set; }
}
