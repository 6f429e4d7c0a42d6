using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// What real Teams does differently from the Playground: per-user card views, answered mentions, clients without
/// Universal Actions, large teams, private and shared channels, meetings. Real host on Azurite; Teams is simulated
/// with activities shaped as Teams sends them.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class RealTeamsTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly RecordingConnector _teams = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Confirm = "Ik bevestig mijn rol";

    private KaartFlow Start(string period = "P3M", TimeProvider? time = null, bool submit = false)
    {
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, period, time);
        return new KaartFlow(app, ChannelSimulator.For(app), _teams) { UseSubmit = submit };
    }

    [Fact]
    public async Task Kaart_ConfirmAction_IsOnlyInThePerUserViewOfAnUnconfirmedProfessional()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            (_, string cardId) = await flow.SaveKaartAsync(Ct);
            JsonObject shared = flow.Card(cardId);

            JsonObject petra = await flow.Channel.RefreshAsync(cardId, shared, "petra", Ct);
            JsonObject outsider = await flow.Channel.RefreshAsync(cardId, shared, "kees", Ct);
            await flow.Channel.ClickAsync(cardId, petra, Confirm, user: "petra", cancellationToken: Ct);
            JsonObject petraAfter = await flow.Channel.RefreshAsync(cardId, flow.Card(cardId), "petra", Ct);

            Assert.DoesNotContain(ChannelSimulator.FindActions(shared), a => (string?)a["title"] == Confirm);
            Assert.DoesNotContain(ChannelSimulator.FindActions(flow.Card(cardId)), a => (string?)a["title"] == Confirm);
            JsonObject confirm = Assert.Single(ChannelSimulator.FindActions(petra), a => (string?)a["title"] == Confirm);
            Assert.Equal("p3", (string?)confirm["data"]!["professionalId"]);
            Assert.DoesNotContain(ChannelSimulator.FindActions(outsider), a => (string?)a["title"] == Confirm);
            Assert.DoesNotContain(ChannelSimulator.FindActions(petraAfter), a => (string?)a["title"] == Confirm);
            Assert.NotNull(flow.Card(cardId)["refresh"]);
        }
    }

    [Fact]
    public async Task Kaart_Closed_HasNoRefreshSoViewersTriggerNoInvoke()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            (Kaart kaart, string cardId) = await flow.SaveKaartAsync(Ct);

            await flow.Channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.CloseCard.Verb);
            await flow.Channel.ClickAsync(questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);

            Assert.Equal(KaartStatus.Afgesloten, (await flow.Store.GetKaartAsync(kaart.Id, Ct))!.Status);
            Assert.Contains("Afgesloten op", flow.Card(cardId).ToJsonString(), StringComparison.Ordinal);
            Assert.Null(flow.Card(cardId)["refresh"]);
        }
    }

    [Fact]
    public async Task Evaluation_Answered_NamesThePeopleInPlainTextWithoutMentionTags()
    {
        Reminders.MovableTime time = new();
        KaartFlow flow = Start("PT20S", time);
        using (flow.App)
        {
            await flow.SaveKaartAsync(Ct);
            time.Jump(TimeSpan.FromSeconds(21));
            await flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>().DispatchDueAsync(Ct);
            (string evaluationId, JsonObject evaluation) = flow.Posted().Single(c => (string?)c.Card["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            Assert.Contains("<at>Sanne de Vries</at>", KaartFlow.StringsOf(evaluation), StringComparison.Ordinal);

            await flow.Channel.ClickAsync(evaluationId, evaluation, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);

            JsonObject answered = flow.Card(evaluationId);
            string text = KaartFlow.StringsOf(answered);
            Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
            Assert.Contains("Sanne de Vries en Ahmed El Amrani: het is tijd", text, StringComparison.Ordinal);
            Assert.Empty(answered["msteams"]?["entities"]?.AsArray() ?? []);
        }
    }
}
