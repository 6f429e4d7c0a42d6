using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Authentication;

public static class AuthenticationHostingExtensions
{
    /// <summary>
    /// The bot identity (top-level <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>),
    /// <see cref="BotAuthenticationOptions"/> and <see cref="IBotRequestAuthenticator"/>. Throws in Production when
    /// <c>MicrosoftAppId</c> is empty, or when the bot has no credentials for its own tokens (see
    /// <see cref="BotCredentialRequirements"/>).
    /// </summary>
    public static IHostApplicationBuilder AddBotAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        BotIdentityOptions configured = new();
        builder.Configuration.Bind(configured);
        if (BotCredentialRequirements.FindProblem(configured, builder.Environment.EnvironmentName) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        builder.Services.AddOptions<BotIdentityOptions>().Bind(builder.Configuration);
        builder.Services.AddOptions<BotAuthenticationOptions>()
            .BindConfiguration(BotAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(MetadataDocumentRetriever.HttpClientName)
            .ConfigureHttpClient((services, client) =>
            {
                client.Timeout = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.MetadataTimeout;
                client.MaxResponseContentBufferSize = 1024 * 1024;   // metadata and key sets are a few KB
            });
        builder.Services.TryAddSingleton<OpenIdMetadataCache>();
        builder.Services.TryAddSingleton<IBotRequestAuthenticator, BotRequestAuthenticator>();
        builder.Services.AddOptions<TabSsoOptions>()
            .BindConfiguration(TabSsoOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.Domain = string.IsNullOrWhiteSpace(options.Domain) ? configuration[TabSsoOptions.AppServiceHostNameKey] : options.Domain)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ITabTokenValidator, TabTokenValidator>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BotAuthenticationStartupCheck>());
        return builder;
    }
}
