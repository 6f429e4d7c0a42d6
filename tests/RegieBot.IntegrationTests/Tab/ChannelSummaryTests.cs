using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Evaluation;
using RegieBot.IntegrationTests.Bot;
using RegieBot.IntegrationTests.Reminders;
using RegieBot.Outbox;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// The channel tab's summary on the kaart's thread row follows every operation that changes what the tab shows, through
/// the outbox (and the reminder's sender), on the real host and Azurite: the tab reads it instead of the kaart.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChannelSummaryTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly RecordingConnector _teams = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Summary_FollowsSaveConfirmationEscalationEvaluationAndClose()
    {
        MovableTime time = new();
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, "PT20S", time);
        KaartFlow flow = new(app, ChannelSimulator.For(app), _teams);
        using (app)
        {
            ReminderDispatcher dispatcher = app.Services.GetRequiredService<ReminderDispatcher>();

            // Save: the index effect writes the summary with the thread row.
            (Kaart kaart, string cardId) = await flow.SaveKaartAsync(Ct);
            ChannelSummary saved = await SummaryAsync(flow);
            Assert.Equal((kaart.Id, 1, false), (saved.KaartId, saved.Version, saved.Closed));
            Assert.Equal(["Sanne de Vries", "Ahmed El Amrani", "Petra Jansen"], saved.Linked.Select(p => p.Naam));
            Assert.DoesNotContain(saved.Linked, p => p.Confirmed);
            Assert.Equal(("Sanne de Vries", "Ahmed El Amrani", "Sanne de Vries"), (saved.Bewaker?.Naam, saved.Aanspreekpunt?.Naam, saved.EscalatedTo));
            Assert.Empty(saved.OpenEscalations);
            Assert.Null(saved.EvaluationSentAt);

            // A confirmation.
            JsonObject petra = await flow.Channel.RefreshAsync(cardId, flow.Card(cardId), "petra", Ct);
            await flow.Channel.ClickAsync(cardId, petra, "Ik bevestig mijn rol", user: "petra", cancellationToken: Ct);
            Assert.Equal(["Petra Jansen"], (await SummaryAsync(flow)).Linked.Where(p => p.Confirmed).Select(p => p.Naam));

            // opschalen.
            await flow.Channel.SayAsync("opschalen de school reageert niet", user: "ahmed", cancellationToken: Ct);
            Assert.Single((await SummaryAsync(flow)).OpenEscalations);

            // The evaluation card goes out (the reminder's sender), then nobody answers it: the bot escalates.
            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            ChannelSummary asked = await SummaryAsync(flow);
            Assert.True(asked.EvaluationSentAt > asked.UpdatedAt);
            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            Assert.Equal(2, (await SummaryAsync(flow)).OpenEscalations.Count);

            // "Herinner over een week": the card no longer waits.
            (string evaluationId, JsonObject evaluation) = flow.Posted().Last(c => (string?)c.Card["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            await flow.Channel.ClickAsync(evaluationId, evaluation, "Herinner over een week", user: "petra", cancellationToken: Ct);
            Assert.Null((await SummaryAsync(flow)).EvaluationSentAt);

            // It goes out again and is answered with a new version: escalations and the waiting card are answered.
            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            Assert.NotNull((await SummaryAsync(flow)).EvaluationSentAt);
            (evaluationId, evaluation) = flow.Posted().Last(c => (string?)c.Card["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            await flow.Channel.ClickAsync(evaluationId, evaluation, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);
            ChannelSummary answered = await SummaryAsync(flow);
            Assert.Equal(2, answered.Version);
            Assert.Empty(answered.OpenEscalations);
            Assert.False(answered.EvaluationSentAt > answered.UpdatedAt);

            // afsluiten.
            await flow.Channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.CloseCard.Verb);
            await flow.Channel.ClickAsync(questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);
            ChannelSummary closed = await SummaryAsync(flow);
            Assert.True(closed.Closed);
            Assert.Equal(AfschaalCriterium.HulpAdequaatGeorganiseerd, closed.Criterium);
            Assert.NotNull(closed.ClosedAt);
        }
    }

    /// <summary>The summary on the thread's row once the relay is done, as the tab reads it.</summary>
    private static async Task<ChannelSummary> SummaryAsync(KaartFlow flow)
    {
        await flow.App.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();
        ThreadKaart thread = Assert.Single(await flow.Store.ListByChannelAsync(ChannelSimulator.ChannelId, Ct), t => t.ThreadId == flow.Channel.ThreadId);
        return Assert.IsType<ChannelSummary>(thread.Summary);
    }
}
