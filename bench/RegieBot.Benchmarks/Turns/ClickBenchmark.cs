using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using RegieBot.Benchmarks.Measuring;

namespace RegieBot.Benchmarks.Turns;

/// <summary>
/// Clicks while Teams throttles: saves <c>kaarten</c> dialogs with Teams answering, then makes the connector stand-in
/// answer every call with 429 and <c>Retry-After</c> (<c>retryAfter</c>) and times, end to end, the clicks that call
/// Teams while the user waits: "Regiekaart bijwerken" on each kaart (its step card is an outbox post) and typeahead
/// searches, on the channel whose roster is known and on channels seen for the first time (a first roster fetch). A
/// click is to be answered within 1 s at p99; the report says whether it was. Nothing waits for the relay afterwards:
/// its posts wait out the Retry-After in the background.
/// </summary>
internal sealed class ClickBenchmark(int kaarten, int searches, TimeSpan retryAfter, string repositoryRoot, string storage, Report report)
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    private const string KindUpdate = "invoke: Regiekaart bijwerken";
    private const string KindSearchKnown = "invoke: typeahead, roster known";
    private const string KindSearchFirst = "invoke: typeahead, first roster of a channel";
    private readonly ConcurrentQueue<DriverSample> _samples = new();
    private long _ids = 1767229900000;
    private string _serviceUrl = string.Empty;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        string prefix = "C" + Guid.NewGuid().ToString("N")[..10];
        await using ConnectorStandIn teams = await ConnectorStandIn.StartAsync(TimeSpan.Zero);
        _serviceUrl = teams.ServiceUrl;
        BotHost host = new(repositoryRoot, prefix, storage, new TurnRecorder());
        int errors = 0;
        try
        {
            host.StartServer();
            using HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = host.BaseAddress };
            report.Line($"## Clicks while Teams answers 429 with Retry-After {retryAfter.TotalSeconds:0} s on every call — {Environment.ProcessorCount} cores, bot on {host.BaseAddress}, Azurite");
            report.Line();

            DialogDriver driver = new(client, teams, _ => { }, TimeSpan.Zero);
            List<(string Thread, string CardId, JsonObject Card)> saved = [];
            for (int i = 0; i < kaarten; i++)
            {
                if (await driver.RunDialogAsync(i, cancellationToken) && driver.LastKaart is { } kaart)
                {
                    saved.Add(kaart);
                }
                else
                {
                    errors++;
                }
            }

            await host.RelayIdleAsync(TimeSpan.FromMinutes(2), cancellationToken);
            teams.Throttle = retryAfter;
            long throttledBefore = teams.Throttled;
            string knownChannel = saved.Count > 0 ? ChannelOf(saved[0].Thread) : "19:bench@thread.tacv2";
            foreach ((string thread, string cardId, JsonObject card) in saved)
            {
                errors += await ClickAsync(client, thread, cardId, card, "Regiekaart bijwerken", cancellationToken) ? 0 : 1;
                for (int i = 0; i < searches; i++)
                {
                    errors += await SearchAsync(client, KindSearchKnown, thread, knownChannel, cancellationToken) ? 0 : 1;
                    string channel = $"19:first{Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture)}@thread.tacv2";
                    errors += await SearchAsync(client, KindSearchFirst, channel + ";messageid=1", channel, cancellationToken) ? 0 : 1;
                }
            }

            errors += Report(teams.Throttled - throttledBefore);
        }
        finally
        {
            await host.DisposeAsync();   // the relay's throttled posts are cut short here; the sweep would finish them
        }

        report.Line(errors == 0 ? "No errors." : $"**{errors} errors.**");
        return errors;
    }

    private int Report(long throttled)
    {
        DriverSample[] all = [.. _samples];
        report.Table(
            ["click", "n", "p50 ms", "p99 ms", "max ms", "failed"],
            all.GroupBy(s => s.Kind).Append(all.GroupBy(_ => "all clicks").Single()).Select(g =>
            {
                List<double> ms = [.. g.Select(s => s.EndToEndMs).Order()];
                return (IReadOnlyList<string>)[g.Key, g.Count().ToString(CultureInfo.InvariantCulture), Percentiles.Ms(Percentiles.Of(ms, 50)),
                    Percentiles.Ms(Percentiles.Of(ms, 99)), Percentiles.Ms(ms[^1]), g.Count(s => !s.Ok).ToString(CultureInfo.InvariantCulture)];
            }));
        double p99 = Percentiles.Of([.. all.Select(s => s.EndToEndMs).Order()], 99);
        report.Line($"Teams answered {throttled} calls with 429 meanwhile. Every click answered within {Target.TotalSeconds:0} s at p99: " +
            (p99 <= Target.TotalMilliseconds ? "**yes**" : "**no**") + $" (p99 {Percentiles.Ms(p99)} ms).");
        report.Line();
        return all.Count(s => !s.Ok);
    }

    private async Task<bool> ClickAsync(HttpClient bot, string thread, string messageId, JsonObject card, string title, CancellationToken cancellationToken)
    {
        JsonObject? action = TeamsActivities.Actions(card).FirstOrDefault(a => (string?)a["title"] == title);
        if (action is null)
        {
            _samples.Enqueue(new DriverSample(KindUpdate, 0, true, false));
            return false;
        }

        JsonObject invoke = Base("invoke", thread, ChannelOf(thread), "sanne");
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = messageId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = action["data"]?.DeepClone() },
            ["trigger"] = "manual",
        };
        return await PostAsync(bot, KindUpdate, invoke, cancellationToken);
    }

    private Task<bool> SearchAsync(HttpClient bot, string kind, string thread, string channel, CancellationToken cancellationToken)
    {
        JsonObject invoke = Base("invoke", thread, channel, "sanne");
        invoke["name"] = "application/search";
        invoke["value"] = new JsonObject
        {
            ["queryText"] = "pe",
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 },
            ["dataset"] = RegieBot.Cards.DialogCard.MemberDataset,
        };
        return PostAsync(bot, kind, invoke, cancellationToken);
    }

    private async Task<bool> PostAsync(HttpClient bot, string kind, JsonObject activity, CancellationToken cancellationToken)
    {
        using ByteArrayContent content = new(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using HttpRequestMessage request = new(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.Add(BotHost.TurnKindHeader, kind);
        long started = Stopwatch.GetTimestamp();
        bool ok = false;
        try
        {
            using HttpResponseMessage response = await bot.SendAsync(request, cancellationToken);
            JsonNode? body = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            ok = response.IsSuccessStatusCode && (int?)body?["statusCode"] == 200;
        }
        catch (HttpRequestException)
        {
        }

        _samples.Enqueue(new DriverSample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, true, ok));
        return ok;
    }

    private static string ChannelOf(string thread) => thread.Split(";messageid=")[0];

    private JsonObject Base(string type, string thread, string channel, string user) =>
        TeamsActivities.Channel(type, Interlocked.Increment(ref _ids), Interlocked.Increment(ref _ids), _serviceUrl, thread, channel, user);
}
