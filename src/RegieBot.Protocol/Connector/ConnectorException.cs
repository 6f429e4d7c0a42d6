using System.Net;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// A Bot Connector call that failed after any retries. <see cref="ErrorCode"/> is Teams' error code and
/// <see cref="ErrorSubCode"/> the <c>subCode</c> Teams sometimes puts in the error message, when given.
/// <see cref="StatusCode"/> is 0 when no HTTP response came back (network failure, timeout, refused serviceUrl).
/// </summary>
public class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    public string? ErrorSubCode { get; init; }

    /// <summary>The connector's <c>X-Correlating-OperationId</c> (or <c>MS-CV</c>) header, for support requests.</summary>
    public string? CorrelationId { get; init; }
}
