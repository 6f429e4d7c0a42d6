using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using RegieBot.Outbox;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Testing.Teams.Fuzz;
using RegieBot.Tests.Security;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// The fuzz inputs of the unit tier (RegieBot.Tests, Security/FuzzTests) through the whole host on Azurite: real
/// authentication with a test signing key, real storage, the outbox relay and the workers running. A real dialog is
/// walked first, so a kaart exists in storage, and its cards' buttons are seeds, clicked in its thread by a member on
/// its roster. Inputs change that kaart for good (closed, erased), so every <see cref="Chunk"/> inputs a new dialog is
/// walked in a new thread and the clicks move to its cards. The suite runs a short sample;
/// <c>REGIEBOT_FUZZ_STORAGE_ITERATIONS</c> sets the long run.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FuzzOnStorageTests(AzuriteStorage storage, ITestOutputHelper output) : IClassFixture<AzuriteStorage>
{
    private const int Chunk = 500;

    [Fact]
    public async Task Post_MutatedActivitiesOnStorage_NeverA5xxOrAnError_AndTheBotStillAnswers()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        FuzzSigning signing = new();
        ErrorLogCapture errors = new();
        CardHandlerCount handled = new();
        using AzuriteBotApplicationFactory host = new(storage.TablePrefix, settings: signing.Settings);
        host.Connector.Setup(c => c.GetMembersAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(FuzzSeeds.Roster);
        using WebApplicationFactory<Program> app = host.WithWebHostBuilder(builder => builder.UseFuzzing(signing, errors).ConfigureServices(handled.Wrap));
        app.Server.PreserveExecutionContext = true;
        using HttpClient client = app.CreateClient();
        OutboxRelay relay = app.Services.GetRequiredService<OutboxRelay>();
        long iterations = FuzzRunner.Iterations("REGIEBOT_FUZZ_STORAGE_ITERATIONS", 300);
        Dictionary<string, long> byDialogs = [];
        int dialogs = 0;
        DialogCards cards = await NewKaartAsync();
        output.WriteLine($"Seeds: {FuzzSeeds.All.Count} activities and {cards.SeedCount} clicks ({cards.Clicks.Count} buttons) on the cards of kaart {cards.KaartId} ({string.Join(", ", cards.ShownVerbs.Order(StringComparer.Ordinal))} shown).");
        IReadOnlyDictionary<string, long> before = handled.ByVerb;
        byDialogs.Clear();
        bool first = true;

        FuzzReport report = await FuzzRunner.RunAsync(
            client, signing, errors, iterations, output.WriteLine, seeds: [.. FuzzSeeds.All, .. DialogCards.Seeds(() => cards, cards.SeedCount)], chunk: Chunk,
            beforeChunk: async () =>
            {
                // The first chunk clicks on the kaart walked above; each later one on a new kaart in a new thread.
                cards = first ? cards : await NewKaartAsync();
                first = false;
            });
        await relay.WhenIdleAsync();

        output.WriteLine(report.ToString());
        Dictionary<string, long> reached = handled.ByVerb.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key) - byDialogs.GetValueOrDefault(p.Key));
        output.WriteLine($"{dialogs} dialogs walked; card actions past the gate, by verb: {string.Join(", ", reached.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}");
        Assert.Equal(iterations, report.Inputs);
        Assert.Equal(0, report.ServerErrors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.First));
        Assert.True(reached.Values.Sum() > 0, "clicks must reach the handlers behind the gate");
        int sentBefore = host.SentCount;
        HttpStatusCode answer = await FuzzRunner.SayHelpAsync(client, signing, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(sentBefore + 1, host.SentCount);

        async Task<DialogCards> NewKaartAsync()
        {
            await relay.WhenIdleAsync();
            IReadOnlyDictionary<string, long> start = handled.ByVerb;
            string thread = dialogs++ == 0 ? FuzzSeeds.ThreadId : $"{FuzzSeeds.ChannelId};messageid={1767225700000 + dialogs}";
            DialogCards walked = await DialogCards.RecordAsync(client, signing, SentTo, thread, relay.WhenIdleAsync, dialogs == 1 ? output.WriteLine : null, cancellationToken);
            foreach ((string verb, long count) in handled.ByVerb)
            {
                byDialogs[verb] = byDialogs.GetValueOrDefault(verb) + count - start.GetValueOrDefault(verb);
            }

            return walked;
        }

        IReadOnlyList<(string Id, Activity Activity)> SentTo(string conversationId) =>
        [
            .. host.Connector.Invocations.ToArray()
                .Where(i => i.Method.Name == nameof(IConnectorClient.SendToConversationAsync) && (string)i.Arguments[1] == conversationId)
                .Select(i => ("1767225699999", (Activity)i.Arguments[2])),
        ];
    }
}
