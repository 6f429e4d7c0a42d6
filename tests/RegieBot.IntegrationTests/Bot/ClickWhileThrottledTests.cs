using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.IntegrationTests.Reminders;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// A click never waits on Teams: with Teams answering 429 and <c>Retry-After: 10</c> on every call, the real host and
/// its own connector client (<see cref="ThrottlingTeams"/>, on Azurite) answer a click at once — with what it did,
/// "Teams is even druk" or an empty typeahead — and what must be posted follows through the outbox once Teams answers.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClickWhileThrottledTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Far below one Retry-After and Teams' 15 s for an invoke; generous for two cores shared with others.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RecordingConnector _teams = new();
    private readonly MovableTime _time = new();

    private (KaartFlow Flow, ThrottlingTeams Network) Start(bool submit = false)
    {
        ThrottlingTeams network = new(_teams, _time);
        AzuriteBotApplicationFactory app = new(storage.TablePrefix + Guid.NewGuid().ToString("N")[..4], _teams, "PT20S", _time, settings: new Dictionary<string, string>
        {
            ["RegieBot:Reminders:PollInterval"] = "01:00:00",
            ["RegieBot:Outbox:SweepInterval"] = "01:00:00",
        }, connectorNetwork: network);
        ChannelSimulator channel = ChannelSimulator.For(app);
        channel.CurrentServiceUrl = ThrottlingTeams.ServiceUrl;
        return (new KaartFlow(app, channel, _teams) { UseSubmit = submit }, network);
    }

    private static async Task<(T Answer, TimeSpan Took)> TimedAsync<T>(Func<Task<T>> click)
    {
        long start = Stopwatch.GetTimestamp();
        T answer = await click();
        return (answer, Stopwatch.GetElapsedTime(start));
    }

    private static int StepCards(KaartFlow flow) =>
        flow.Posted().Count(c => c.Card.ToJsonString().Contains("\"verb\":\"dialoog\"", StringComparison.Ordinal));

    [Fact]
    public async Task Bijwerken_TeamsAnswers429OnEveryCall_AnsweredAtOnceAndTheStepCardFollowsThroughTheOutbox()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            (Kaart _, string cardId) = await flow.SaveKaartAsync(Ct);
            int before = StepCards(flow);
            flow.Channel.Settle = null;   // the click's own answer is measured, not what follows it
            network.ThrottleUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(2), RetryAfter);

            (JsonNode answer, TimeSpan took) = await TimedAsync(() => flow.Channel.ClickAsync(cardId, flow.Card(cardId), "Regiekaart bijwerken", cancellationToken: Ct));

            Assert.True(took < Prompt, $"The click waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Equal(DialogTexts.Started, (string?)answer["value"]);
            Assert.Equal(before, StepCards(flow));   // Teams has not taken it yet
            await flow.App.Services.GetRequiredService<RegieBot.Outbox.OutboxRelay>().WhenIdleAsync();
            Assert.Equal(before + 1, StepCards(flow));   // posted by the relay once Teams answered
            Assert.Contains(network.Log, r => r.Status == HttpStatusCode.TooManyRequests);
            Assert.Empty(network.TooEarly());
        }
    }

    [Fact]
    public async Task Submit_BijwerkenWhileTeamsAnswers429OnEveryCall_MessageAnsweredAtOnceAndItsAnswerFollows()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start(submit: true);
        using (flow.App)
        {
            (Kaart _, string cardId) = await flow.SaveKaartAsync(Ct);
            int before = StepCards(flow);
            flow.Channel.Settle = null;
            network.ThrottleUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(2), RetryAfter);

            (HttpResponseMessage response, TimeSpan took) = await TimedAsync(() => flow.Channel.SubmitAsync(cardId, flow.Card(cardId), "Regiekaart bijwerken", cancellationToken: Ct));

            Assert.True(took < Prompt, $"The message turn waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await flow.App.Services.GetRequiredService<RegieBot.Outbox.OutboxRelay>().WhenIdleAsync();
            Assert.Equal(DialogTexts.Started, _teams.Calls.Last(c => c.ConversationId == flow.Channel.ThreadId && c.Kind == "send" && c.Activity.Text is not null).Activity.Text);
            Assert.Equal(before + 1, StepCards(flow));
            Assert.Empty(network.TooEarly());
        }
    }

    [Fact]
    public async Task Search_FirstRosterWhileTeamsAnswers429OnEveryCall_AnsweredAtOnceWithAnEmptyList()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            flow.Channel.Settle = null;
            network.Throttling = (_, _) => RetryAfter;

            (JsonNode answer, TimeSpan took) = await TimedAsync(() => flow.Channel.SearchAsync(RegieBot.Cards.DialogCard.MemberDataset, "pe", cancellationToken: Ct));

            Assert.True(took < Prompt, $"The typeahead waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Equal(200, (int)answer["statusCode"]!);
            Assert.Empty(answer["value"]!["results"]!.AsArray());
        }
    }

    [Fact]
    public async Task Verwijderen_RosterTooOldWhileTeamsAnswers429OnEveryCall_AnsweredAtOnceThatTeamsIsBusy()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);
            await flow.Channel.SayAsync("verwijderen", cancellationToken: Ct);
            (string questionId, JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.DeleteCard.Verb);
            flow.Channel.Settle = null;
            _time.Jump(RegieBot.Bot.ChannelMembers.KeptFor * 2 + TimeSpan.FromSeconds(1));   // the roster known is too old to trust
            network.Throttling = (_, _) => RetryAfter;

            (JsonNode answer, TimeSpan took) = await TimedAsync(() => flow.Channel.ClickAsync(questionId, question, "Ja, verwijder alles", cancellationToken: Ct));

            Assert.True(took < Prompt, $"The click waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Equal(RegieBot.Bot.Texts.TeamsBusy, (string?)answer["value"]);
            Assert.NotNull(await flow.Store.GetKaartAsync(kaart.Id, Ct));   // refused: nothing erased

            (JsonNode found, took) = await TimedAsync(() => flow.Channel.SearchAsync(RegieBot.Cards.DialogCard.MemberDataset, "pe", cancellationToken: Ct));

            Assert.True(took < Prompt, $"The typeahead waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Contains(found["value"]!["results"]!.AsArray(), r => (string?)r!["value"] == "aad-petra");   // the old roster, filtered
        }
    }

    [Fact]
    public async Task DialogStep_MemberChosenWhileRosterTooOldAndTeamsAnswers429_AnsweredAtOnceThatTeamsIsBusy()
    {
        (KaartFlow flow, ThrottlingTeams network) = Start();
        using (flow.App)
        {
            await flow.Channel.SayAsync("start Familie T.", cancellationToken: Ct);
            await flow.NextAsync(new() { ["moment"] = "1" }, Ct);   // the professionals step: its roster is fetched
            (string cardId, JsonObject card) = flow.StepCard();
            flow.Channel.Settle = null;
            _time.Jump(RegieBot.Bot.ChannelMembers.KeptFor * 2 + TimeSpan.FromSeconds(1));
            network.Throttling = (_, _) => RetryAfter;

            (JsonNode answer, TimeSpan took) = await TimedAsync(() => flow.Channel.ClickAsync(cardId, card, "Toevoegen",
                new Dictionary<string, string> { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente" }, cancellationToken: Ct));

            Assert.True(took < Prompt, $"The click waited {took.TotalSeconds:F1} s for Teams.");
            Assert.Equal(RegieBot.Bot.Texts.TeamsBusy, (string?)answer["value"]);
            string kaartId = (await flow.Store.FindByThreadAsync(flow.Channel.ThreadId, Ct))!.KaartId;
            Assert.Empty((await flow.Store.GetDialogAsync(kaartId, Ct))!.Draft.Professionals);   // nothing written: the same click works in a moment
        }
    }
}
