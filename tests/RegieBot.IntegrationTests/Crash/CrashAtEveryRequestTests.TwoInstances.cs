using Microsoft.Extensions.DependencyInjection;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Outbox;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>Two instances on one storage: the relay of the one that committed, the sweep of the other.</summary>
public sealed partial class CrashAtEveryRequestTests
{
    private static readonly Dictionary<string, string> ShortLease = new()
    {
        ["RegieBot:Outbox:Grace"] = "00:00:01",
        ["RegieBot:Outbox:Lease"] = "00:00:10",
        ["RegieBot:Outbox:SweepInterval"] = "01:00:00",
        ["RegieBot:Reminders:PollInterval"] = "01:00:00",
    };

    /// <summary>
    /// Teams takes 14 s to answer the update that turns the step card into the saved kaart's card, longer than the grace
    /// (1 s) and the lease (10 s) together. Meanwhile the other instance sweeps every second. The committing instance
    /// holds the intent's lease and renews it while its call is in flight, so the sweep never takes the same work (with a
    /// grace and no lease, the sweep took the intent after a second and applied the same effects a second time, beside
    /// the call still in flight).
    /// </summary>
    [Fact]
    public async Task Save_TeamsSlowerThanTheLease_TheOtherInstancesSweepNeverAppliesTheSameWork()
    {
        AzuriteStorage storage = new();
        await storage.InitializeAsync();
        try
        {
            RecordingConnector teams = new();
            bool saving = false;
            int slowed = 0;
            TimeSpan Slow(Activity activity) =>
                Volatile.Read(ref saving) && ChannelSimulator.CardOf(activity).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal)
                    && Interlocked.Increment(ref slowed) == 1
                    ? TimeSpan.FromSeconds(14)
                    : TimeSpan.Zero;
            using AzuriteBotApplicationFactory first = new(storage.TablePrefix, new CrashingConnector(teams, new ProcessCrash(), Slow), settings: ShortLease);
            using AzuriteBotApplicationFactory second = new(storage.TablePrefix, teams, settings: ShortLease);
            ChannelSimulator channel = ChannelSimulator.For(first);
            Script script = new(channel, teams, first.Services);
            await channel.SayAsync("start " + Casus, cancellationToken: Ct);
            await script.WalkToSaveAsync();

            // The click is answered right after its commit; the test does not wait for the relay (as the simulator would).
            Volatile.Write(ref saving, true);
            channel.Settle = null;
            Assert.Equal("Regiekaart opgeslagen", Script.Title(await script.SaveAsync()));
            OutboxRelay sweep = second.Services.GetRequiredService<OutboxRelay>();
            int swept = 0;
            for (int tick = 0; tick < 17; tick++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
                swept += await sweep.SweepAsync(Ct);
            }

            await first.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();
            await sweep.WhenIdleAsync();
            Assert.True(slowed >= 1 && swept == 0, $"the other instance's sweep took {swept} intents while the first instance's call was in flight ({slowed} kaart card calls)");
            Assert.Single(teams.Calls, c => c.Kind == "send" && ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal));
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }
}
