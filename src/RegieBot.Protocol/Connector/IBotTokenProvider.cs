namespace RegieBot.Protocol.Connector;

/// <summary>Access tokens for calls to the Bot Connector (audience <c>https://api.botframework.com</c>).</summary>
public interface IBotTokenProvider
{
    /// <param name="forceRefresh">Skip any cached token; used once after the connector answered 401.</param>
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
