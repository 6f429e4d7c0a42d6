namespace RegieBot.Protocol.Connector;

/// <summary>
/// The serviceUrl's host is not in <see cref="ConnectorOptions.TrustedServiceUrlHosts"/> (or is not https)
/// while the bot has credentials. Nothing was sent: a forged serviceUrl must never receive the bot's token.
/// </summary>
public sealed class UntrustedServiceUrlException : ConnectorException
{
    public UntrustedServiceUrlException()
        : base("The serviceUrl is not a trusted Bot Connector host; nothing was sent.")
    {
    }

    public UntrustedServiceUrlException(string message)
        : base(message)
    {
    }

    public UntrustedServiceUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
