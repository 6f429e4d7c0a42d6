using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>
/// The production registration (<see cref="ConnectorHostingExtensions.AddBotConnector"/>) with only the network,
/// the clock and the token source replaced, so tests run the real handler chain and retry pipeline.
/// </summary>
internal sealed class ConnectorTestHost : IDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000000b0";
    public const string TenantId = "7f0c0000-0000-0000-0000-00000000abcd";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/" + TenantId + "/";
    public const string Token = "token-1";
    public const string RefreshedToken = "token-2";

    private readonly ServiceProvider _services;

    private ConnectorTestHost(ServiceProvider services, StubHttpMessageHandler network, Mock<IBotTokenProvider> tokens, FakeTimeProvider time)
    {
        _services = services;
        Network = network;
        Tokens = tokens;
        Time = time;
    }

    public StubHttpMessageHandler Network { get; }

    public Mock<IBotTokenProvider> Tokens { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <param name="appId">Null or empty for anonymous mode.</param>
    /// <param name="configuration">Extra configuration keys; retries default to immediate (zero base delay).</param>
    public static ConnectorTestHost Create(string? appId = AppId, IDictionary<string, string?>? configuration = null)
    {
        FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        StubHttpMessageHandler network = new(time);
        Mock<IBotTokenProvider> tokens = new();
        tokens.Setup(t => t.GetTokenAsync(false, It.IsAny<CancellationToken>())).ReturnsAsync(Token);
        tokens.Setup(t => t.GetTokenAsync(true, It.IsAny<CancellationToken>())).ReturnsAsync(RefreshedToken);

        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAttempts"] = "3",
            [$"{ConnectorOptions.SectionName}:RetryBaseDelay"] = "00:00:00",
        });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddBotConnector();
        builder.Services.Configure<BotIdentityOptions>(o =>
        {
            o.MicrosoftAppId = appId;
            o.MicrosoftAppPassword = string.IsNullOrEmpty(appId) ? null : "secret";
            o.MicrosoftAppTenantId = TenantId;
        });
        builder.Services.AddSingleton(tokens.Object);
        builder.Services.AddHttpClient(ConnectorHostingExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => network);

        return new ConnectorTestHost(builder.Services.BuildServiceProvider(validateScopes: true), network, tokens, time);
    }

    public void Dispose() => _services.Dispose();
}
