using System.Collections;

namespace RegieBot.AppPackage;

/// <summary>
/// The values the packaging step puts into the manifest's <c>${{NAME}}</c> placeholders. From the command line
/// (<c>--teams-app-id</c>, <c>--bot-id</c>, <c>--version</c>) or the environment (<c>TEAMS_APP_ID</c>,
/// <c>BOT_ID</c> with <c>MicrosoftAppId</c> as fallback, <c>APP_VERSION</c>).
/// </summary>
internal sealed record PackageSettings
{
    public const string TeamsAppIdVariable = "TEAMS_APP_ID";
    public const string BotIdVariable = "BOT_ID";
    public const string AppVersionVariable = "APP_VERSION";

    public required string TeamsAppId { get; init; }

    public required string BotId { get; init; }

    /// <summary>Replaces the manifest's <c>version</c> when set; Teams wants a higher one for every update.</summary>
    public string? Version { get; init; }

    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TeamsAppIdVariable] = TeamsAppId,
        [BotIdVariable] = BotId,
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
        return new PackageSettings
        {
            TeamsAppId = RequireGuid(teamsAppId, TeamsAppIdVariable),
            BotId = RequireGuid(botId, BotIdVariable),
            Version = Pick(arguments, "--version", environment, AppVersionVariable),
        };
    }

    private static string? Pick(IReadOnlyDictionary<string, string?> arguments, string option, IDictionary environment, string variable)
    {
        string? value = arguments.TryGetValue(option, out string? fromArgument) ? fromArgument : environment[variable] as string;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string RequireGuid(string value, string variable) =>
        Guid.TryParse(value, out Guid guid)
            ? guid.ToString("D")
            : throw new PackageException($"{variable} must be a GUID (like 00000000-0000-0000-0000-000000000000).");
}
