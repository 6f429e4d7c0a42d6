using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Storage;
using RegieBot.Testing.Teams;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// The real host on real storage (Azurite, tables of its own prefix) in anonymous local mode. Only the
/// connector — the Teams side — is a seam, recording what the bot sends. <c>storagePolicy</c>, when given, sees
/// every storage request (e.g. to count them). With <c>connectorNetwork</c> the bot's own connector client (throttle,
/// retries) runs and only its network is replaced.
/// </summary>
internal sealed class AzuriteBotApplicationFactory(
    string tablePrefix, IConnectorClient? connector = null, string evaluationPeriod = "P3M", TimeProvider? time = null, HttpPipelinePolicy? storagePolicy = null,
    IReadOnlyDictionary<string, string>? settings = null, HttpMessageHandler? connectorNetwork = null)
    : WebApplicationFactory<Program>
{
    public Mock<IConnectorClient> Connector { get; } = CreateConnector();

    public int SentCount => Connector.Invocations.Count(i => i.Method.Name == nameof(IConnectorClient.SendToConversationAsync));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("MicrosoftAppId", string.Empty);
        builder.UseSetting("RegieBot:Storage:ConnectionString", AzuriteStorage.ConnectionString);
        builder.UseSetting("RegieBot:Storage:TablePrefix", tablePrefix);
        builder.UseSetting("RegieBot:Storage:MaxRetries", "0");
        builder.UseSetting("RegieBot:Reminders:EvaluationPeriod", evaluationPeriod);
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (connectorNetwork is null)
            {
                services.Replace(ServiceDescriptor.Singleton(connector ?? Connector.Object));
            }
            else
            {
                services.AddHttpClient(ConnectorHostingExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connectorNetwork);
            }

            if (time is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(time));
            }

            if (storagePolicy is not null)
            {
                services.AddKeyedSingleton(StorageHostingExtensions.PipelinePolicyKey, storagePolicy);
            }
        });
    }

    private static Mock<IConnectorClient> CreateConnector()
    {
        Mock<IConnectorClient> connector = new();
        connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("1767225699999"));
        connector.Setup(c => c.GetTeamDetailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string teamId, CancellationToken _) => TabDemoKaarten.Team(teamId));
        connector.Setup(c => c.GetChannelsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string teamId, CancellationToken _) => TabDemoKaarten.Channels(teamId));
        return connector;
    }
}
