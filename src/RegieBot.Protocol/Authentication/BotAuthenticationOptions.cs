using System.ComponentModel.DataAnnotations;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// Where the channel's signing keys come from and how strictly tokens are checked. The defaults are the public
/// Azure cloud; tests point the metadata addresses at a local OpenID endpoint.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "RegieBot:Authentication";

    public const string TenantIdPlaceholder = "{tenantId}";

    [Required]
    [Url]
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Metadata of the bot's own Entra ID tenant; <c>{tenantId}</c> is replaced by <c>MicrosoftAppTenantId</c>.</summary>
    [Required]
    [RegularExpression(@"^https?://.*\{tenantId\}.*$", ErrorMessage = "{0} must be an http(s) URL containing {{tenantId}}.")]
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    [Required]
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Only tests set this to false, to serve metadata from a local http endpoint.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Automatic refresh of metadata and keys. The cache adds up to 5% jitter, so the maximum stays under 24 h.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "22:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A token with an unknown key id forces a refresh at most this often per metadata address.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
