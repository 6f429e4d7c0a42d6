using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.IntegrationTests.Storage;
using RegieBot.Outbox;
using RegieBot.Storage;
using RegieBot.Testing.Teams;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// The tab's host on Azurite with the demo kaarten in the casus channel, plus a private channel with its own members and
/// kaarten (one of them closed), and a channel whose kaart is erased by a test. Teams is a roster stand-in: the casus
/// channel's members are everyone but Petra (she left, while still on two kaarten); the private channel's are Sanne
/// and Eva only.
/// </summary>
public sealed class ChannelTabApplication : IAsyncLifetime
{
    public const string PrivateChannel = "19:prive-familie-v@thread.tacv2";
    public const string ErasedChannel = "19:wissen@thread.tacv2";
    public const string FamilieV = "Familie V.";
    public const string GezinM = "Gezin M.";
    public const string GezinW = "Gezin W.";
    public const string GezinZ = "Gezin Z.";

    private readonly TabApplication _tab;

    public ChannelTabApplication() => _tab = new TabApplication(Connector, Requests);

    /// <summary>Every storage request of the host (the tab's reads among them).</summary>
    internal StorageRequestCounter Requests { get; } = new();

    /// <summary>A table of the host, by its name without prefix (e.g. <see cref="RegieTables.Threads"/>).</summary>
    public Azure.Data.Tables.TableClient Table(string name) => _tab.App.Services.GetRequiredService<RegieTables>().Get(name);

    internal OutboxRelay Relay => _tab.App.Services.GetRequiredService<OutboxRelay>();

    public RecordingConnector Connector { get; } = new();

    public Dictionary<string, string> KaartIds { get; } = [];

    public IKaartStore Store => _tab.Store;

    public IOutboxStore Outbox => _tab.App.Services.GetRequiredService<IOutboxStore>();

    public HttpClient ClientAs(string? aadObjectId) => _tab.ClientAs(aadObjectId);

    public async ValueTask InitializeAsync()
    {
        Connector.Members.Clear();
        Connector.ConversationMembers[TabDemoKaarten.ChannelId] = [.. TabDemoKaarten.ChannelMembers];
        Connector.ConversationMembers[PrivateChannel] = [Account(TabDemoKaarten.Sanne), Account(TabDemoKaarten.Eva)];
        Connector.ConversationMembers[ErasedChannel] = [Account(TabDemoKaarten.Sanne)];
        await _tab.InitializeAsync();
        foreach ((string casus, string id) in _tab.KaartIds)
        {
            KaartIds[casus] = id;
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        KaartIds[FamilieV] = await SaveAsync("v", FamilieV, PrivateChannel, now.AddDays(-5), closed: false);
        KaartIds[GezinM] = await SaveAsync("m", GezinM, PrivateChannel, now.AddDays(-40), closed: true);
        KaartIds[GezinW] = await SaveAsync("w", GezinW, ErasedChannel, now.AddDays(-3), closed: false);
        KaartIds[GezinZ] = await SaveAsync("z", GezinZ, ErasedChannel, now.AddDays(-2), closed: false);
    }

    public async ValueTask DisposeAsync() => await _tab.DisposeAsync();

    private static TeamsChannelAccount Account(string aad) => TabDemoKaarten.Member(aad);

    private async Task<string> SaveAsync(string suffix, string casus, string channel, DateTimeOffset at, bool closed)
    {
        string id = _tab.KaartIds[TabDemoKaarten.GezinK] + "-" + suffix;
        Kaart kaart = TabDemoKaarten.NewKaart(id, casus, channel, at.ToUnixTimeMilliseconds(), at,
            [TabDemoKaarten.LinkedAs("p1", "Sanne de Vries", TabDemoKaarten.Sanne, Regievorm.Procesregie), TabDemoKaarten.LinkedAs("p2", "Eva Visser", TabDemoKaarten.Eva)]) with
        {
            Status = closed ? KaartStatus.Afgesloten : KaartStatus.Actief,
            Closure = closed ? new KaartClosure(AfschaalCriterium.GezinVoertZelfRegie, null, at.AddDays(1), TabDemoKaarten.Sanne, at.AddDays(91)) : null,
        };
        Kaart saved = await Store.SaveVersionAsync(kaart, null, [], Guid.NewGuid().ToString("N"), CancellationToken.None);
        await Store.ApplyIndexesAsync(saved.Id, [], CancellationToken.None);
        return saved.Id;
    }
}
