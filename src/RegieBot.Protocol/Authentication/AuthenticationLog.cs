using Microsoft.Extensions.Logging;

namespace RegieBot.Protocol.Authentication;

// Event ids 1100-1199. Reasons are fixed texts from our code: never token contents or claim values.
internal static partial class AuthenticationLog
{
    [LoggerMessage(1100, LogLevel.Warning,
        "MicrosoftAppId is empty: RegieBot is running WITHOUT authentication, for local use only. Requests without an Authorization header are accepted")]
    public static partial void AnonymousModeActive(this ILogger logger);

    [LoggerMessage(1101, LogLevel.Warning, "Request to the bot endpoint rejected with {StatusCode}: {Reason}")]
    public static partial void RequestRejected(this ILogger logger, int statusCode, string reason);

    [LoggerMessage(1102, LogLevel.Debug, "Request authenticated with a {TokenFamily} token")]
    public static partial void RequestAuthenticated(this ILogger logger, string tokenFamily);

    [LoggerMessage(1103, LogLevel.Debug, "Request accepted without a token (anonymous local mode)")]
    public static partial void AnonymousRequestAccepted(this ILogger logger);

    [LoggerMessage(1104, LogLevel.Warning, "OpenID metadata or signing keys could not be fetched from {MetadataAddress}")]
    public static partial void MetadataUnavailable(this ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(1105, LogLevel.Information, "Signing keys fetched again from {MetadataAddress} because a token named an unknown key")]
    public static partial void SigningKeysRefreshed(this ILogger logger, string metadataAddress);

    [LoggerMessage(1106, LogLevel.Debug, "Unknown signing key, but keys from {MetadataAddress} were refreshed less than {Interval} ago")]
    public static partial void SigningKeysRefreshSkipped(this ILogger logger, string metadataAddress, TimeSpan interval);

    [LoggerMessage(1107, LogLevel.Warning, "Personal tab request rejected: {Reason}")]
    public static partial void TabTokenRejected(this ILogger logger, string reason);
}
