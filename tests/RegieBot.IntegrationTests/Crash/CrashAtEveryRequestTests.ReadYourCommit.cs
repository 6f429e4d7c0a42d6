using System.Text.Json.Nodes;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>Read your commit: once a save was acknowledged, every reader finds it, before any sweep repairs the rest.</summary>
public sealed partial class CrashAtEveryRequestTests
{
    /// <summary>
    /// The bot answers "Regiekaart opgeslagen" and is killed before its relay wrote anything (the thread row still says
    /// "not saved"); the instance that comes back has not swept yet. <c>kaart</c> and <c>status</c> in the thread find
    /// the kaart at once, as <c>start</c> does.
    /// </summary>
    [Fact]
    public async Task Save_KilledRightAfterItsCommit_KaartAndStatusFindTheKaartBeforeAnySweep()
    {
        AzuriteStorage storage = new();
        await storage.InitializeAsync();
        try
        {
            ProcessCrash crash = new();
            RecordingConnector teams = new();
            Reminders.MovableTime time = new(Start);
            ChannelSimulator channel;
            JsonNode answer;
            using (AzuriteBotApplicationFactory first = new(storage.TablePrefix, new CrashingConnector(teams, crash), time: time, storagePolicy: crash, settings: Settings))
            {
                channel = ChannelSimulator.For(first);
                Script script = new(channel, teams, first.Services);
                await channel.SayAsync("start " + Casus, cancellationToken: Ct);
                await script.WalkToSaveAsync();

                // The save's request path is 3 storage requests, the commit the last of them: the 4th (the relay's first)
                // never reaches storage, and nothing after it does.
                crash.Arm(4, lost: false);
                answer = await script.SaveAsync();
            }

            Assert.Equal("Regiekaart opgeslagen", Script.Title(answer));
            using AzuriteBotApplicationFactory second = new(storage.TablePrefix, teams, time: new Reminders.ShiftedTime(time.GetUtcNow() + TimeSpan.FromMinutes(1)), settings: Settings);
            channel.SettledBy(second);
            foreach (string command in new[] { "kaart", "status" })
            {
                int before = teams.Calls.Count;
                await channel.SayAsync(command, user: "ahmed", cancellationToken: Ct);
                Activity[] replies = [.. teams.Calls.Skip(before).Where(c => c.Kind == "send").Select(c => c.Activity)];
                Assert.NotEmpty(replies);
                Assert.All(replies, r => Assert.DoesNotContain("geen regiekaart", r.Text ?? string.Empty, StringComparison.Ordinal));
            }
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }
}
