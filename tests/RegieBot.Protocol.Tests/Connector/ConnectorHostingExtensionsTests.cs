using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol.Tests.Connector;

public sealed class ConnectorHostingExtensionsTests
{
    [Fact]
    public void AddBotConnector_NoConfiguration_TrustsTheTeamsHostsAndResolvesTheClient()
    {
        using IHost host = Build([]);

        ConnectorOptions options = host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(ConnectorOptions.DefaultTrustedServiceUrlHosts, options.TrustedServiceUrlHosts);
        Assert.Contains("smba.trafficmanager.net", options.TrustedServiceUrlHosts);
        Assert.IsType<ConnectorClient>(host.Services.GetRequiredService<IConnectorClient>());
        Assert.IsType<MsalBotTokenProvider>(host.Services.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public void AddBotConnector_ConfiguredHosts_ReplaceTheDefaults()
    {
        using IHost host = Build(new()
        {
            ["RegieBot:Connector:TrustedServiceUrlHosts:0"] = "smba.trafficmanager.net",
            ["RegieBot:Connector:TrustedServiceUrlHosts:1"] = "*.teams.microsoft.us",
        });

        ConnectorOptions options = host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(["smba.trafficmanager.net", "*.teams.microsoft.us"], options.TrustedServiceUrlHosts);
    }

    [Theory]
    [InlineData("RegieBot:Connector:TrustedServiceUrlHosts:0", "https://smba.trafficmanager.net/")]
    [InlineData("RegieBot:Connector:TrustedServiceUrlHosts:0", "*")]
    [InlineData("RegieBot:Connector:TrustedServiceUrlHosts:0", "*.com:443")]
    [InlineData("RegieBot:Connector:MaxRetryAttempts", "50")]
    [InlineData("RegieBot:Connector:MaxRetryAfter", "01:00:00")]
    [InlineData("RegieBot:Connector:AttemptTimeout", "00:10:00")]
    public async Task AddBotConnector_InvalidOption_FailsAtStartNamingIt(string key, string value)
    {
        using IHost host = Build(new() { [key] = value });

        OptionsValidationException exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key.Split(':')[2], exception.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> configuration)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddBotConnector();
        return builder.Build();
    }
}
