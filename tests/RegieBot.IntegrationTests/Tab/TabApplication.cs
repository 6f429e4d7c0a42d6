using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Protocol.Connector;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>The real host on Azurite (Development, no Entra app: the tab's local sign-in) with the demo kaarten stored.</summary>
public sealed class TabApplication : IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new();
    private readonly IConnectorClient? _connector;
    private readonly Azure.Core.Pipeline.HttpPipelinePolicy? _storagePolicy;

    public TabApplication()
    {
    }

    /// <summary>With <paramref name="connector"/> as Teams instead of the factory's (e.g. a Teams that fails).</summary>
    internal TabApplication(IConnectorClient connector, Azure.Core.Pipeline.HttpPipelinePolicy? storagePolicy = null)
    {
        _connector = connector;
        _storagePolicy = storagePolicy;
    }

    internal AzuriteBotApplicationFactory App { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> KaartIds { get; private set; } = new Dictionary<string, string>();

    public IKaartStore Store => App.Services.GetRequiredService<IKaartStore>();

    public async ValueTask InitializeAsync()
    {
        await _storage.InitializeAsync();
        App = new AzuriteBotApplicationFactory(_storage.TablePrefix, _connector, storagePolicy: _storagePolicy, settings: new Dictionary<string, string>
        {
            ["RegieBot:Reminders:PollInterval"] = "01:00:00",
            ["RegieBot:Outbox:SweepInterval"] = "01:00:00",
        });
        _ = App.Server;
        KaartIds = await TabDemoKaarten.SeedAsync(Store, App.Services.GetRequiredService<IReminderStore>(), _storage.TablePrefix, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public HttpClient ClientAs(string? aadObjectId)
    {
        HttpClient client = App.CreateClient();
        if (aadObjectId is not null)
        {
            client.DefaultRequestHeaders.Add("X-RegieBot-Lokale-Gebruiker", aadObjectId);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
