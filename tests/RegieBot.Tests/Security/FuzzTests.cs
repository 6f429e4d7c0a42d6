using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using RegieBot.Bot;
using RegieBot.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.Testing.Teams.Fakes;
using RegieBot.Testing.Teams.Fuzz;

namespace RegieBot.Tests.Security;

/// <summary>
/// Mutated Teams activities through the real endpoint, parsing, authentication (a test signing key), routing and
/// handlers, on storage doubles. First a real dialog is walked through the host (start, the steps, the save, the
/// kaart's other cards and an update dialog), so a kaart exists; the buttons of the cards the bot posted are seeds
/// too, clicked in the kaart's thread by a member on its roster. Every input meets that kaart as the dialog left it
/// (<see cref="IsolatedKaartStore"/>). The suite runs a short sample; <c>REGIEBOT_FUZZ_ITERATIONS</c> sets the long run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotApplicationFactory _factory = new(realAuthentication: true);
    private readonly FuzzSigning _signing = new();
    private readonly ErrorLogCapture _errors = new();
    private readonly IsolatedKaartStore _store = new(new InMemoryKaartStore());
    private readonly CardHandlerCount _handled = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_MutatedActivities_NeverA5xxOrAnError_AndTheBotStillAnswers()
    {
        using WebApplicationFactory<Program> app = Host();
        using HttpClient client = app.CreateClient();
        OutboxRelay relay = app.Services.GetRequiredService<OutboxRelay>();
        DialogCards cards = await DialogCards.RecordAsync(client, _signing, SentTo, FuzzSeeds.ThreadId, relay.WhenIdleAsync, cancellationToken: TestContext.Current.CancellationToken);
        output.WriteLine($"Seeds: {FuzzSeeds.All.Count} activities and {cards.SeedCount} clicks ({cards.Clicks.Count} buttons) on the cards of kaart {cards.KaartId} ({string.Join(", ", cards.ShownVerbs.Order(StringComparer.Ordinal))} shown).");
        IReadOnlyDictionary<string, long> before = _handled.ByVerb;
        long iterations = FuzzRunner.Iterations("REGIEBOT_FUZZ_ITERATIONS", 3_000);

        FuzzReport report = await FuzzRunner.RunAsync(
            client, _signing, _errors, iterations, output.WriteLine, seeds: [.. FuzzSeeds.All, .. DialogCards.Seeds(() => cards, cards.SeedCount)], isolate: _store.Isolate);

        output.WriteLine(report.ToString());
        Dictionary<string, long> handled = _handled.ByVerb.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
        output.WriteLine($"Card actions past the gate, by verb: {string.Join(", ", handled.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}");
        Assert.Equal(iterations, report.Inputs);
        Assert.Equal(0, report.ServerErrors);
        Assert.True(report.ErrorLogs == 0, string.Join("\n", _errors.First));
        Assert.True(report.ByStatus.GetValueOrDefault(200) > iterations / 3, "most inputs must get past parsing and authentication: " + report);
        Assert.All(app.Services.GetRequiredService<CardVerbs>().Names, verb => Assert.True(handled.GetValueOrDefault(verb) > 0, $"no click reached the handler of '{verb}'"));
        Assert.True(handled.Values.Sum() > iterations / 20, $"clicks must reach the handlers behind the gate: {handled.Values.Sum()} of {iterations}");
        int sentBefore = _factory.Sent.Count;
        HttpStatusCode answer = await FuzzRunner.SayHelpAsync(client, _signing, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(sentBefore + 1, _factory.Sent.Count);
    }

    /// <summary>The host on storage doubles, its kaart store in memory (isolated per input), Teams listing <see cref="FuzzSeeds.Roster"/>.</summary>
    private WebApplicationFactory<Program> Host()
    {
        FuzzStorage.Configure(_factory, _store);
        _factory.Connector.Setup(c => c.GetMembersAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(FuzzSeeds.Roster);
        WebApplicationFactory<Program> app = _factory.WithWebHostBuilder(builder => builder.UseFuzzing(_signing, _errors).ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(_store.Store));
            _handled.Wrap(services);
        }));
        app.Server.PreserveExecutionContext = true;
        return app;
    }

    private IReadOnlyList<(string Id, Activity Activity)> SentTo(string conversationId)
    {
        lock (_factory.Sent)
        {
            return [.. _factory.Sent.Where(s => s.ConversationId == conversationId).Select(s => ("1767225699999", s.Activity))];
        }
    }
}
