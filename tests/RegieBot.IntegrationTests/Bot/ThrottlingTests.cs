using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Reminders;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// Teams throttles (429 with Retry-After) while a burst goes out: the real host and its own connector client against
/// the recording stand-in behind HTTP (<see cref="ThrottlingTeams"/>), on Azurite. Nothing may go out before a
/// Retry-After has passed, nothing may be lost and nothing posted or replaced twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ThrottlingTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RecordingConnector _teams = new();
    private readonly MovableTime _time = new();

    private (KaartFlow Flow, ThrottlingTeams Network) Start()
    {
        ThrottlingTeams network = new(_teams, _time);
        AzuriteBotApplicationFactory app = new(storage.TablePrefix + Guid.NewGuid().ToString("N")[..4], _teams, "PT20S", _time, settings: new Dictionary<string, string>
        {
            ["RegieBot:Reminders:PollInterval"] = "01:00:00",   // the test runs the sweeps itself
            ["RegieBot:Reminders:MaxSendsPerSecond"] = "20",
            ["RegieBot:Reminders:RetryDelay"] = "00:00:01",
            ["RegieBot:Outbox:SweepInterval"] = "01:00:00",
        }, connectorNetwork: network);
        ChannelSimulator channel = ChannelSimulator.For(app);
        channel.CurrentServiceUrl = ThrottlingTeams.ServiceUrl;
        return (new KaartFlow(app, channel, _teams), network);
    }

    private static void Report(ThrottlingTeams network, int before)
    {
        ThrottlingTeams.Request[] burst = [.. network.Log.Skip(before)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{burst.Length} requests to Teams, {burst.Count(r => r.Status == HttpStatusCode.TooManyRequests)} answered 429, " +
            $"{burst.Count(r => r.Status == HttpStatusCode.OK)} served, over {(burst[^1].At - burst[0].At).TotalSeconds:F1} s on the host's clock");
    }

    [Fact]
    public async Task Reminders_FiftyDueAtOnceInOneChannelWhileTeamsThrottles_EachPostedOnce_NoneBeforeRetryAfter()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            (Kaart first, _) = await flow.SaveKaartAsync(Ct);
            await flow.Channel.Settle!();
            IKaartStore store = flow.Store;
            RegieBot.Common.ReminderScheduler scheduler = flow.App.Services.GetRequiredService<RegieBot.Common.ReminderScheduler>();
            DateTimeOffset nine = _time.GetUtcNow();
            List<Kaart> kaarten = [first];
            for (int i = 1; i < 50; i++)
            {
                Kaart copy = first with
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Location = first.Location with { ThreadId = $"{ChannelSimulator.ChannelId};messageid={1767226000000 + i}" },
                    CardActivityId = null,
                    ETag = null,
                };
                kaarten.Add(await store.SaveVersionAsync(copy, null, [], "t" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Ct));
            }

            foreach (Kaart kaart in kaarten)
            {
                await scheduler.ScheduleEvaluationAsync(kaart, null, nine, Ct);   // all due at the same moment
            }

            int before = network.Log.Count;
            network.ThrottleUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(5), RetryAfter);
            RegieBot.Evaluation.ReminderDispatcher dispatcher = flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>();
            IReminderStore reminders = flow.App.Services.GetRequiredService<IReminderStore>();
            for (int round = 0; round < 10 && !await AllSentAsync(); round++)
            {
                await dispatcher.DispatchDueAsync(Ct);
                _time.Jump(TimeSpan.FromSeconds(5));   // past a throttled reminder's retry moment
            }

            Assert.True(await AllSentAsync());
            Report(network, before);
            Assert.Empty(network.TooEarly());
            Assert.Contains(network.Log.Skip(before), r => r.Status == HttpStatusCode.TooManyRequests);
            DateTimeOffset[] posts = [.. network.Log.Skip(before).Where(r => r.Method == "POST").Select(r => r.At)];
            Assert.All(posts.Zip(posts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(50 - 15), "Posted faster than 20 a second."));
            foreach (Kaart kaart in kaarten)
            {
                Assert.Single(_teams.Calls, c => c.Kind == "send" && c.ConversationId == kaart.Location.ThreadId
                    && (string?)ChannelSimulator.CardOf(c.Activity)["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            }

            async Task<bool> AllSentAsync()
            {
                foreach (Kaart kaart in kaarten)
                {
                    if ((await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct))?.Status != ReminderStatus.Sent)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    [Fact]
    public async Task Verwijderen_FortyPostedMessagesWhileTeamsThrottles_EachReplacedOnce_TombstoneStaysUntilDone()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);
            for (int i = 0; (await flow.Store.GetFootprintAsync(kaart.Id, Ct))!.Messages.Count < 40; i++)
            {
                await flow.Channel.SayAsync(i % 4 == 3 ? "status" : "kaart", cancellationToken: Ct);
            }

            PostedMessage[] posted = [.. (await flow.Store.GetFootprintAsync(kaart.Id, Ct))!.Messages];
            Assert.Equal(40, posted.Length);
            await flow.Channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.DeleteCard.Verb);

            // Teams lets 15 replacements through, then throttles everything for 5 seconds.
            int before = network.Log.Count;
            DateTimeOffset? throttledFrom = null;
            network.Throttling = (_, _) =>
            {
                throttledFrom ??= network.Log.Skip(before).Count(r => r.Method == "PUT" && r.Status == HttpStatusCode.OK) >= 15 ? _time.GetUtcNow() : null;
                return throttledFrom is { } from && _time.GetUtcNow() < from + TimeSpan.FromSeconds(5) ? RetryAfter : null;
            };
            await flow.Channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);

            IOutboxStore outbox = flow.App.Services.GetRequiredService<IOutboxStore>();
            Assert.Contains(await outbox.FindDueAsync(DateTimeOffset.MaxValue.AddDays(-1), 500, Ct), w => w.KaartId == kaart.Id && w.Erase);
            Assert.NotNull(await flow.Store.GetFootprintAsync(kaart.Id, Ct));   // nothing erased while messages are left

            _time.Jump(TimeSpan.FromSeconds(31));   // past the tombstone's grace: the sweep takes it up
            await flow.App.Services.GetRequiredService<RegieBot.Outbox.OutboxRelay>().SweepAsync(Ct);

            Report(network, before);
            Assert.Empty(network.TooEarly());
            Assert.Contains(network.Log.Skip(before), r => r.Status == HttpStatusCode.TooManyRequests);
            foreach (PostedMessage message in posted)
            {
                Assert.Single(network.Log.Skip(before), r => r.Method == "PUT" && r.ActivityId == message.ActivityId && r.Status == HttpStatusCode.OK);
                Activity now = _teams.Messages[message.ActivityId];
                Assert.Contains("verwijderd", now.Text ?? ChannelSimulator.CardOf(now).ToJsonString(), StringComparison.Ordinal);
            }

            Assert.DoesNotContain(await outbox.FindDueAsync(DateTimeOffset.MaxValue.AddDays(-1), 500, Ct), w => w.KaartId == kaart.Id);
            Assert.Null(await flow.Store.GetFootprintAsync(kaart.Id, Ct));
        }
    }
}
