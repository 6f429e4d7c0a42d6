using Microsoft.Extensions.Hosting;

namespace RegieBot.Protocol.Connector;

public static class ConnectorHostingExtensions
{
    // Placeholder until the connector client lands.
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
