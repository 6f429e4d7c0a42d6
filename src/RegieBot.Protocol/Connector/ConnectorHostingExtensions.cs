using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Connector;

public static class ConnectorHostingExtensions
{
    /// <summary>Name of the connector's HttpClient (tests replace its primary handler).</summary>
    public const string HttpClientName = "RegieBot.Connector";

    /// <summary>Name of the HttpClient MSAL uses for the token endpoint.</summary>
    public const string TokenHttpClientName = "RegieBot.Connector.Token";

    /// <summary>
    /// <see cref="IConnectorClient"/> as a typed client: <see cref="ConnectorThrottleHandler"/> (outer) → resilience
    /// pipeline → <see cref="BotTokenHandler"/> → the network. Options from <c>RegieBot:Connector</c>; the identity comes from <see cref="BotIdentityOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;

        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .PostConfigure(options =>
            {
                if (options.TrustedServiceUrlHosts.Count == 0)
                {
                    foreach (string host in ConnectorOptions.DefaultTrustedServiceUrlHosts)
                    {
                        options.TrustedServiceUrlHosts.Add(host);
                    }
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<BotIdentityOptions>();
        services.TryAddSingleton(TimeProvider.System);
        // MicrosoftAppType=UserAssignedMSI: tokens from the managed identity; otherwise the app registration's secret.
        services.TryAddSingleton<MsalBotTokenProvider>();
        services.TryAddSingleton<ManagedIdentityBotTokenProvider>();
        services.TryAddSingleton<IBotTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotIdentityOptions>>().Value.UsesManagedIdentity
                ? provider.GetRequiredService<ManagedIdentityBotTokenProvider>()
                : provider.GetRequiredService<MsalBotTokenProvider>());
        services.TryAddTransient<BotTokenHandler>();
        services.TryAddSingleton<ConnectorThrottle>();
        services.TryAddTransient<ConnectorThrottleHandler>();

        services.AddHttpClient(TokenHttpClientName);

        IHttpClientBuilder http = services
            .AddHttpClient<IConnectorClient, ConnectorClient>(HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;   // the pipeline's total and per-attempt timeouts apply
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // a connector never redirects; a redirect must not carry the token anywhere
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        http.AddHttpMessageHandler<ConnectorThrottleHandler>();
        http.AddResilienceHandler("connector", (pipeline, context) =>
        {
            IServiceProvider provider = context.ServiceProvider;
            ConnectorRetry.Configure(
                pipeline,
                provider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ConnectorThrottle>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>());
        });
        http.AddHttpMessageHandler<BotTokenHandler>();

        return builder;
    }
}
