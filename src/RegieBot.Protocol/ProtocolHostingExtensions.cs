using Microsoft.Extensions.Hosting;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol;

public static class ProtocolHostingExtensions
{
    /// <summary>Inbound authentication, the outbound connector client and the bot identity options.</summary>
    public static IHostApplicationBuilder AddRegieProtocol(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBotAuthentication();
        builder.AddBotConnector();
        return builder;
    }
}
