using System.Collections;

namespace RegieBot.AppPackage;

/// <summary>
/// The values the packaging step puts into the manifest's <c>${{NAME}}</c> placeholders. From the command line
/// (<c>--teams-app-id</c>, <c>--bot-id</c>, <c>--bot-domain</c>, <c>--version</c>) or the environment (<c>TEAMS_APP_ID</c>,
/// <c>BOT_ID</c> with <c>MicrosoftAppId</c> as fallback, <c>BOT_DOMAIN</c> with the host of <c>BOT_ENDPOINT</c> as
/// fallback, <c>APP_VERSION</c>).
/// </summary>
internal sealed record PackageSettings
{
    public const string TeamsAppIdVariable = "TEAMS_APP_ID";
    public const string BotIdVariable = "BOT_ID";
    public const string AppVersionVariable = "APP_VERSION";
    public const string BotDomainVariable = "BOT_DOMAIN";

    public required string TeamsAppId { get; init; }

    public required string BotId { get; init; }

    /// <summary>The host that serves the bot and the personal tab (the Web App's, or the dev tunnel's).</summary>
    public required string BotDomain { get; init; }

    /// <summary>Replaces the manifest's <c>version</c> when set; Teams wants a higher one for every update.</summary>
    public string? Version { get; init; }

    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TeamsAppIdVariable] = TeamsAppId,
        [BotIdVariable] = BotId,
        [BotDomainVariable] = BotDomain,
    };

    public static PackageSettings From(IReadOnlyDictionary<string, string?> arguments, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        string teamsAppId = Pick(arguments, "--teams-app-id", environment, TeamsAppIdVariable)
            ?? throw new PackageException($"The Teams app id is missing: set {TeamsAppIdVariable} (a GUID of your own, the same for every version of the app) or pass --teams-app-id.");
        string botId = Pick(arguments, "--bot-id", environment, BotIdVariable)
            ?? Pick(arguments, "--bot-id", environment, "MicrosoftAppId")
            ?? throw new PackageException($"The bot id is missing: set {BotIdVariable} (or MicrosoftAppId) to the bot's Microsoft App ID, or pass --bot-id.");
        string? botDomain = Pick(arguments, "--bot-domain", environment, BotDomainVariable)
            ?? (Uri.TryCreate(Pick(arguments, "--bot-endpoint", environment, "BOT_ENDPOINT"), UriKind.Absolute, out Uri? endpoint) ? endpoint.Authority : null);
        return new PackageSettings
        {
            TeamsAppId = RequireGuid(teamsAppId, TeamsAppIdVariable),
            BotId = RequireGuid(botId, BotIdVariable),
            BotDomain = RequireHost(botDomain
                ?? throw new PackageException($"The bot's domain is missing: set {BotDomainVariable} (the Web App's host name, e.g. regiebot.azurewebsites.net) or BOT_ENDPOINT, or pass --bot-domain.")),
            Version = Pick(arguments, "--version", environment, AppVersionVariable),
        };
    }

    private static string? Pick(IReadOnlyDictionary<string, string?> arguments, string option, IDictionary environment, string variable)
    {
        string? value = arguments.TryGetValue(option, out string? fromArgument) ? fromArgument : environment[variable] as string;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string RequireHost(string value) =>
        Uri.CheckHostName(value.Split(':')[0]) == UriHostNameType.Dns && !value.Contains('/', StringComparison.Ordinal)
            ? value.ToLowerInvariant()
            : throw new PackageException($"{BotDomainVariable} must be a host name without scheme or path (like regiebot.azurewebsites.net).");

    private static string RequireGuid(string value, string variable) =>
        Guid.TryParse(value, out Guid guid)
            ? guid.ToString("D")
            : throw new PackageException($"{variable} must be a GUID (like 00000000-0000-0000-0000-000000000000).");
}
