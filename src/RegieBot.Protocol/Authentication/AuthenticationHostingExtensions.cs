using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RegieBot.Protocol.Authentication;

public static class AuthenticationHostingExtensions
{
    // Placeholder until the JWT validation lands: registers the identity options only.
    public static IHostApplicationBuilder AddBotAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BotIdentityOptions>().Bind(builder.Configuration);
        return builder;
    }
}
