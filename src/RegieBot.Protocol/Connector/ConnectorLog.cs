using System.Net;
using Microsoft.Extensions.Logging;

namespace RegieBot.Protocol.Connector;

/// <summary>Outbound connector events, ids 1200–1299. Ids, codes and counts only: no message text, names or tokens.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(1200, LogLevel.Debug, "Connector {Operation} succeeded with {StatusCode}")]
    public static partial void ConnectorCallSucceeded(this ILogger logger, string operation, int statusCode);

    [LoggerMessage(1201, LogLevel.Warning,
        "Connector {Operation} failed with {StatusCode}, Teams error code {ErrorCode}, sub code {ErrorSubCode}, correlation id {CorrelationId}")]
    public static partial void ConnectorCallFailed(
        this ILogger logger, string operation, int statusCode, string? errorCode, string? errorSubCode, string? correlationId);

    [LoggerMessage(1202, LogLevel.Warning, "Connector {Operation} got no response")]
    public static partial void ConnectorCallNoResponse(this ILogger logger, string operation, Exception exception);

    [LoggerMessage(1203, LogLevel.Information,
        "Connector call to {Host} retried after {StatusCode} (attempt {Attempt}, waiting {Delay}), correlation id {CorrelationId}")]
    public static partial void ConnectorCallRetrying(
        this ILogger logger, string host, int? statusCode, int attempt, TimeSpan delay, string? correlationId, Exception? exception);

    [LoggerMessage(1204, LogLevel.Error, "Refused a connector call to untrusted serviceUrl host {Host}: the token is not sent there")]
    public static partial void UntrustedServiceUrlRefused(this ILogger logger, string host);

    [LoggerMessage(1205, LogLevel.Warning, "Connector at {Host} answered 401; retrying once with a fresh token")]
    public static partial void UnauthorizedRefreshingToken(this ILogger logger, string host);

    [LoggerMessage(1206, LogLevel.Debug, "Created conversation id lacked ';messageid='; built it from the channel id and activity {ActivityId}")]
    public static partial void ThreadConversationIdBuilt(this ILogger logger, string activityId);

    [LoggerMessage(1207, LogLevel.Error, "Could not acquire a Bot Connector token for app {AppId} (MSAL error {MsalErrorCode})")]
    public static partial void TokenAcquisitionFailed(this ILogger logger, string appId, string msalErrorCode, Exception exception);

    [LoggerMessage(1208, LogLevel.Debug, "Fetched member page {Page} with {Count} members")]
    public static partial void MemberPageFetched(this ILogger logger, int page, int count);

    [LoggerMessage(1209, LogLevel.Error, "Could not get a Bot Connector token from managed identity {ClientId} (MSAL error {MsalErrorCode})")]
    public static partial void ManagedIdentityTokenFailed(this ILogger logger, string clientId, string msalErrorCode, Exception exception);

    public static void ConnectorCallFailed(this ILogger logger, string operation, HttpStatusCode statusCode, ConnectorException exception) =>
        logger.ConnectorCallFailed(operation, (int)statusCode, exception.ErrorCode, exception.ErrorSubCode, exception.CorrelationId);
}
