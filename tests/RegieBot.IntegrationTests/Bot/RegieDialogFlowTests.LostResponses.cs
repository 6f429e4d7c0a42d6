using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.IntegrationTests.Storage;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// Every conditional write of an operation, with its response lost after it landed (the SDK retries it and meets its
/// own write): the user sees what happened, never "someone else was first", an apology, or a blocked thread.
/// </summary>
public sealed partial class RegieDialogFlowTests
{
    /// <param name="retries">The SDK's retries: with none, the lost response reaches the bot as a request without an answer.</param>
    private (AzuriteBotApplicationFactory App, ChannelSimulator Channel) StartLosing(LoseOneResponse policy, int retries = 2)
    {
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, storagePolicy: policy, settings: new Dictionary<string, string> { ["RegieBot:Storage:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return (app, ChannelSimulator.For(app));
    }

    [Fact]
    public async Task Start_ThreadRowResponseLost_StartsTheDialogAnyway()
    {
        LoseOneResponse lose = new(LoseOneResponse.To("POST", storage.TablePrefix + RegieTables.Threads));
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = StartLosing(lose);
        using (app)
        {
            lose.Arm();
            await channel.SayAsync("start Familie L.", cancellationToken: Ct);

            Assert.True(lose.Lost);
            Assert.Equal("Waarom maken jullie de regiekaart nu?", Title(StepCard().Card));
            Assert.DoesNotContain(_teams.Calls, c => c.Activity.Text?.Contains("staat al", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task Step_DialogWriteResponseLost_ShowsTheNextStepNotStale()
    {
        // The step's write is one transaction: the dialog row and the shared step card's outbox item.
        LoseOneResponse lose = new(LoseOneResponse.ToBatchOf(storage.TablePrefix + RegieTables.Kaarten));
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = StartLosing(lose);
        using (app)
        {
            await channel.SayAsync("start Familie L.", cancellationToken: Ct);
            lose.Arm();

            JsonNode next = await NextAsync(channel, new() { ["moment"] = "1" });

            Assert.True(lose.Lost);
            Assert.Equal("Betrokken professionals", Title(next));
            Assert.DoesNotContain(RegieDialog.StaleMessage, next.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task Save_VersionCommitResponseLost_SaysOpgeslagenAndTheKaartIsThere(int retries)
    {
        LoseOneResponse lose = new(LoseOneResponse.To("POST", "$batch"));
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = StartLosing(lose, retries);
        using (app)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            Assert.Equal("1. Gemaakte afspraken over regievoeren", Title(await NextAsync(channel)));
            await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie" });
            await NextAsync(channel, new() { ["afspraken"] = "Elke twee weken overleg" });
            await NextAsync(channel, new() { ["aanspreekpunt"] = "p2" });
            await NextAsync(channel, new() { ["bewaker"] = "p1" });
            lose.Arm();

            JsonNode saved = await NextAsync(channel, new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" });

            Assert.True(lose.Lost);
            Assert.Equal("Regiekaart opgeslagen", Title(saved));
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            ThreadKaart thread = (await store.FindByThreadAsync(channel.ThreadId, Ct))!;
            Assert.True(thread.Saved);
            Kaart kaart = (await store.GetKaartAsync(thread.KaartId, Ct))!;
            Assert.Equal(1, kaart.Version);
            Assert.Contains("Betrokken professionals:", SharedCard(kaart.CardActivityId!).ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task Confirm_ConfirmationResponseLost_SaysConfirmedAndStoresItOnce(int retries)
    {
        LoseOneResponse lose = new(LoseOneResponse.To("POST", "$batch"));
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = StartLosing(lose, retries);
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            lose.Arm();

            JsonNode sanne = await channel.ClickConfirmAsync(cardId, card, "sanne", Ct);

            Assert.True(lose.Lost);
            Assert.Equal(200, (int)sanne["statusCode"]!);
            Assert.Contains("Je hebt je rol bevestigd op", sanne["value"]!.ToJsonString(), StringComparison.Ordinal);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            KaartSnapshot snapshot = (await store.GetSnapshotAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
            Assert.Single(snapshot.Confirmations, c => c.AadObjectId == "aad-sanne");
        }
    }

    public enum CommitOperation
    {
        Afsluiten,
        Propose,
        Opschalen,
        EvaluatieLater,
    }

    /// <summary>
    /// The other operations commit through <see cref="KaartCommit"/> (the kaart row or an anchor row with the commit's
    /// token, plus the outbox): with that transaction's response lost, the user sees the outcome once, never an error.
    /// </summary>
    [Theory]
    [InlineData(CommitOperation.Afsluiten, 2)]
    [InlineData(CommitOperation.Afsluiten, 0)]
    [InlineData(CommitOperation.Propose, 2)]
    [InlineData(CommitOperation.Propose, 0)]
    [InlineData(CommitOperation.Opschalen, 2)]
    [InlineData(CommitOperation.Opschalen, 0)]
    [InlineData(CommitOperation.EvaluatieLater, 2)]
    [InlineData(CommitOperation.EvaluatieLater, 0)]
    public async Task Commit_TransactionResponseLost_TheUserSeesTheOutcomeOnce(CommitOperation operation, int retries)
    {
        // The kaart's own transaction, not the turn ledger's claim that comes before it.
        LoseOneResponse lose = new(LoseOneResponse.ToBatchOf(storage.TablePrefix + RegieTables.Kaarten));
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = StartLosing(lose, retries);
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;
            int posted = _teams.Calls.Count(c => c.Kind == "send");
            switch (operation)
            {
                case CommitOperation.Afsluiten:
                    await channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
                    (string questionId, JsonObject question) = LatestCardWithVerb(channel, RegieBot.Cards.CloseCard.Verb);
                    lose.Arm();
                    JsonNode closed = await channel.ClickAsync(questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);
                    Assert.Contains("De casus is afgesloten op", closed["value"]!.ToJsonString(), StringComparison.Ordinal);
                    Assert.Equal(KaartStatus.Afgesloten, (await store.GetKaartAsync(kaartId, Ct))!.Status);
                    break;
                case CommitOperation.Propose:
                    lose.Arm();
                    JsonNode proposed = await channel.ClickAsync(cardId, FindShowCard(card), "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Petra neemt de casusregie over" }, user: "ahmed", cancellationToken: Ct);
                    Assert.Contains("Petra neemt de casusregie over", proposed["value"]!.ToJsonString(), StringComparison.Ordinal);
                    Assert.Single((await store.GetSnapshotAsync(kaartId, Ct))!.Proposals);
                    Assert.Equal(1, _teams.Calls.Skip(posted).Count(c => c.Kind == "send" && ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains("Wijziging voorgesteld", StringComparison.Ordinal)));
                    break;
                case CommitOperation.Opschalen:
                    lose.Arm();
                    Assert.Equal(HttpStatusCode.OK, (await channel.SayAsync("opschalen de school reageert niet", user: "ahmed", cancellationToken: Ct)).StatusCode);
                    Assert.Single(await store.GetEscalationsAsync(kaartId, Ct));
                    Assert.Single(EscalationCards());
                    Assert.DoesNotContain(_teams.Calls.Skip(posted), c => c.Activity.Text?.Contains("Sorry", StringComparison.Ordinal) == true);
                    break;
                default:
                    await channel.SayAsync("evaluatie", user: "petra", cancellationToken: Ct);
                    (string evaluationId, JsonObject evaluation) = EvaluationCards(channel).Last();
                    // A week on, in working hours, by the host's own clock (a fixed "fewer than ten days" failed when a
                    // week on was a Friday evening before Easter).
                    TimeProvider clock = app.Services.GetRequiredService<TimeProvider>();
                    Domain.Scheduling.EvaluationSchedule schedule = new(Domain.Scheduling.IsoPeriod.Parse("P3M"));
                    DateTimeOffset earliest = schedule.Later(clock.GetUtcNow());
                    lose.Arm();
                    JsonNode later = await channel.ClickAsync(evaluationId, evaluation, "Herinner over een week", user: "petra", cancellationToken: Ct);
                    DateTimeOffset latest = schedule.Later(clock.GetUtcNow());
                    Assert.Contains("Herinnering verzet door", later["value"]!.ToJsonString(), StringComparison.Ordinal);
                    Domain.Reminders.ReminderState state = (await app.Services.GetRequiredService<Domain.Reminders.IReminderStore>().GetStateAsync(kaartId, Domain.Reminders.ReminderKind.Evaluatie, Ct))!;
                    Assert.InRange(state.DueAt, earliest, latest);
                    break;
            }

            Assert.True(lose.Lost);
        }
    }
}
