using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// At start: refuses Production without an app id (with the final configuration, whatever was added after
/// <see cref="AuthenticationHostingExtensions.AddBotAuthentication"/>), and says loudly when running anonymously.
/// </summary>
internal sealed class BotAuthenticationStartupCheck(
    IOptions<BotIdentityOptions> identityOptions,
    IHostEnvironment environment,
    ILogger<BotAuthenticationStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (identityOptions.Value.IsAnonymous)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(AuthenticationHostingExtensions.MissingAppIdMessage);
            }

            logger.AnonymousModeActive();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
