using System.Net;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// 403 from the connector: the bot may not post here (<c>BotNotInConversationRoster</c>,
/// <c>ConversationBlockedByUser</c>, <c>BotDisabledByAdmin</c>, <c>ForbiddenOperationException</c>, ...).
/// Never retried; see <see cref="ConnectorException.ErrorCode"/> for what to do.
/// </summary>
public sealed class ConnectorForbiddenException : ConnectorException
{
    public ConnectorForbiddenException()
        : base(HttpStatusCode.Forbidden, null, "The Bot Connector refused the operation (403).")
    {
    }

    public ConnectorForbiddenException(string message)
        : base(HttpStatusCode.Forbidden, null, message)
    {
    }

    public ConnectorForbiddenException(string message, Exception innerException)
        : base(HttpStatusCode.Forbidden, null, message, innerException)
    {
    }

    public ConnectorForbiddenException(string? errorCode, string message)
        : base(HttpStatusCode.Forbidden, errorCode, message)
    {
    }
}
