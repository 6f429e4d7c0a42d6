using System.Net;

namespace RegieBot.Protocol.Connector;

/// <summary>404 from the connector: the conversation or activity is gone (<c>ConversationNotFound</c>, <c>ActivityNotFoundInConversation</c>).</summary>
public sealed class ConnectorNotFoundException : ConnectorException
{
    public ConnectorNotFoundException()
        : base(HttpStatusCode.NotFound, null, "The Bot Connector did not find the conversation or activity (404).")
    {
    }

    public ConnectorNotFoundException(string message)
        : base(HttpStatusCode.NotFound, null, message)
    {
    }

    public ConnectorNotFoundException(string message, Exception innerException)
        : base(HttpStatusCode.NotFound, null, message, innerException)
    {
    }

    public ConnectorNotFoundException(string? errorCode, string message)
        : base(HttpStatusCode.NotFound, errorCode, message)
    {
    }
}
