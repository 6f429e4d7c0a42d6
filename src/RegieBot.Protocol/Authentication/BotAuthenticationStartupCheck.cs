using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// At start: refuses Production without an app id or without credentials (with the final configuration, whatever was added after
/// <see cref="AuthenticationHostingExtensions.AddBotAuthentication"/>), and says loudly when running anonymously.
/// </summary>
internal sealed class BotAuthenticationStartupCheck(
    IOptions<BotIdentityOptions> identityOptions,
    IHostEnvironment environment,
    ILogger<BotAuthenticationStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (BotCredentialRequirements.FindProblem(identityOptions.Value, environment.EnvironmentName) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (identityOptions.Value.IsAnonymous)
        {
            logger.AnonymousModeActive();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
