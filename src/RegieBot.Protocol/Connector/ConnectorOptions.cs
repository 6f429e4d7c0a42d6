using System.ComponentModel.DataAnnotations;

namespace RegieBot.Protocol.Connector;

/// <summary>Outbound Bot Connector calls: which serviceUrl hosts get the bot's token, retries and timeouts.</summary>
public sealed class ConnectorOptions : IValidatableObject
{
    public const string SectionName = "RegieBot:Connector";

    /// <summary>Used when <see cref="TrustedServiceUrlHosts"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultTrustedServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.botframework.us",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
    ];

    /// <summary>
    /// Host names (<c>smba.trafficmanager.net</c>) or subdomain wildcards (<c>*.teams.microsoft.com</c>) whose
    /// https serviceUrls receive the token. Configuring this list replaces the defaults; it does not extend them.
    /// Ignored in anonymous mode (no app id), where no token is ever sent.
    /// </summary>
    public IList<string> TrustedServiceUrlHosts { get; } = [];

    /// <summary>Retries after the first attempt, for 412, 429, 500, 502, 503, 504 and network failures.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay; doubles per attempt, with jitter. Zero retries at once (tests).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound for a <c>Retry-After</c> the connector asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts and delays of one call together.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Entra ID login host; <c>https://login.microsoftonline.us</c> for US Government clouds.</summary>
    [Required]
    [Url]
    public string TokenAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary><c>https://api.botframework.us/.default</c> for US Government clouds.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TrustedServiceUrlHosts.Count == 0)
        {
            yield return new ValidationResult("At least one trusted serviceUrl host is required.", [nameof(TrustedServiceUrlHosts)]);
        }

        foreach (string host in TrustedServiceUrlHosts)
        {
            if (!TrustedServiceUrls.IsValidPattern(host))
            {
                yield return new ValidationResult(
                    $"'{host}' is not a host name or '*.domain' pattern (no scheme, path or port).", [nameof(TrustedServiceUrlHosts)]);
            }
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("RetryMaxDelay must not be below RetryBaseDelay.", [nameof(RetryMaxDelay)]);
        }

        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult("TotalTimeout must not be below AttemptTimeout.", [nameof(TotalTimeout)]);
        }
    }
}
