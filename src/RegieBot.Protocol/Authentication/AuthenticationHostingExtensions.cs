using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Authentication;

public static class AuthenticationHostingExtensions
{
    internal const string MissingAppIdMessage =
        "MicrosoftAppId is empty: RegieBot does not run without authentication in Production. " +
        "Set MicrosoftAppId (and MicrosoftAppPassword and MicrosoftAppTenantId) to the bot's Entra ID app registration.";

    /// <summary>
    /// The bot identity (top-level <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>),
    /// <see cref="BotAuthenticationOptions"/> and <see cref="IBotRequestAuthenticator"/>. Throws in Production when
    /// <c>MicrosoftAppId</c> is empty.
    /// </summary>
    public static IHostApplicationBuilder AddBotAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Environment.IsProduction()
            && string.IsNullOrWhiteSpace(builder.Configuration[nameof(BotIdentityOptions.MicrosoftAppId)]))
        {
            throw new InvalidOperationException(MissingAppIdMessage);
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
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BotAuthenticationStartupCheck>());
        return builder;
    }
}
