using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Dialog;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Kaarten;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>Clients without Universal Actions: every Action.Execute has an Action.Submit fallback that does the same.</summary>
public sealed partial class RealTeamsTests
{
    [Fact]
    public async Task Submit_AStepThatChangesTheDialog_UpdatesTheStepCardOnceThroughTheOutbox()
    {
        KaartFlow flow = Start("PT20S", new Reminders.MovableTime(), submit: true);
        using (flow.App)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await flow.Channel.SayAsync("start Familie U.", cancellationToken: Ct)).StatusCode);
            (string cardId, JsonObject first) = flow.StepCard();
            int before = _teams.Calls.Count(c => c.Kind == "update" && c.ActivityId == cardId);

            await flow.NextAsync(new() { ["moment"] = "1" }, Ct);

            // The step's own commit carries the card's update: a second update of the fallback's own could land after,
            // and overwrite, the update of someone's next click.
            Assert.Equal(before + 1, _teams.Calls.Count(c => c.Kind == "update" && c.ActivityId == cardId));
            Assert.NotEqual(KaartFlow.Title(first), KaartFlow.Title(flow.Card(cardId)));   // the next step shows
        }
    }

    [Fact]
    public async Task Submit_FallbackOfEveryAction_ReachesTheSameHandlerWithTheSameChecks()
    {
        Reminders.MovableTime time = new();
        KaartFlow flow = Start("PT20S", time, submit: true);
        using (flow.App)
        {
            ChannelSimulator channel = flow.Channel;
            (Kaart kaart, string cardId) = await flow.SaveKaartAsync(Ct);   // every step through its Submit fallback
            Assert.Equal(1, kaart.Version);
            Assert.Equal(4, kaart.Content.Professionals.Count);

            JsonObject petra = await channel.RefreshAsync(cardId, flow.Card(cardId), "petra", Ct);
            JsonObject ahmed = await channel.RefreshAsync(cardId, flow.Card(cardId), "ahmed", Ct);
            await channel.SubmitAsync(cardId, petra, Confirm, user: "petra", cancellationToken: Ct);
            await channel.SubmitAsync(cardId, petra, Confirm, user: "kees", cancellationToken: Ct);
            Assert.Equal(RegieBot.Bot.Texts.NotOnKaart, LastText(channel.ThreadId));
            await channel.SubmitAsync(cardId, ahmed, Confirm, user: "ahmed", conversationId: ChannelSimulator.ChannelId + ";messageid=elders", cancellationToken: Ct);
            Assert.Equal(RegieBot.Bot.Texts.WrongConversation, LastText(ChannelSimulator.ChannelId + ";messageid=elders"));
            KaartSnapshot snapshot = (await flow.Store.GetSnapshotAsync(kaart.Id, Ct))!;
            Assert.Equal(["p3"], snapshot.Confirmations.Select(c => c.ProfessionalId));
            Assert.Contains("Rol bevestigd op", flow.Card(cardId).ToJsonString(), StringComparison.Ordinal);

            await channel.SubmitAsync(cardId, ShowCard(flow.Card(cardId), "Wijziging voorstellen"), "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Petra neemt het over" }, user: "ahmed", cancellationToken: Ct);
            Assert.Contains(flow.Posted(), c => c.Card.ToJsonString().Contains("Wijziging voorgesteld", StringComparison.Ordinal));
            await channel.SubmitAsync(cardId, ShowCard(flow.Card(cardId), "Opschalen"), "Opschalen naar de procesregisseur", new Dictionary<string, string> { ["reden"] = "De school reageert niet" }, user: "ahmed", cancellationToken: Ct);
            Assert.Contains(flow.Posted(), c => ((string?)c.Card["body"]?[0]?["text"])?.StartsWith("Opgeschaald", StringComparison.Ordinal) == true);

            time.Jump(TimeSpan.FromSeconds(21));
            await flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>().DispatchDueAsync(Ct);
            (string evaluationId, JsonObject evaluation) = flow.Posted().Last(c => (string?)c.Card["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            await channel.SubmitAsync(evaluationId, evaluation, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);
            Assert.Equal(2, (await flow.Store.GetKaartAsync(kaart.Id, Ct))!.Version);
            Assert.Contains("Afspraken blijven staan (Petra Jansen", flow.Card(evaluationId).ToJsonString(), StringComparison.Ordinal);

            await channel.SubmitAsync(cardId, flow.Card(cardId), "Regiekaart bijwerken", cancellationToken: Ct);
            Assert.Equal(DialogTexts.Started, LastText(channel.ThreadId));
            await flow.StepAsync("Annuleren", null, Ct);

            await channel.SubmitAsync(cardId, flow.Card(cardId), "Casus afsluiten", user: "ahmed", cancellationToken: Ct);
            (string askId, JsonObject ask) = flow.LatestWithVerb(RegieBot.Cards.CloseCard.Verb);
            await channel.SubmitAsync(askId, ask, "Annuleren", user: "ahmed", cancellationToken: Ct);
            Assert.Equal(KaartStatus.Actief, (await flow.Store.GetKaartAsync(kaart.Id, Ct))!.Status);
            await channel.SubmitAsync(cardId, flow.Card(cardId), "Casus afsluiten", user: "ahmed", cancellationToken: Ct);
            (askId, ask) = flow.LatestWithVerb(RegieBot.Cards.CloseCard.Verb);
            await channel.SubmitAsync(askId, ask, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);
            Assert.Equal(KaartStatus.Afgesloten, (await flow.Store.GetKaartAsync(kaart.Id, Ct))!.Status);
            await channel.SubmitAsync(cardId, ShowCard(ahmed, "Wijziging voorstellen"), "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Nog iets" }, user: "ahmed", cancellationToken: Ct);
            Assert.Contains("Familie T.", LastText(channel.ThreadId), StringComparison.Ordinal);   // the answer names the casus

            await channel.SayAsync("verwijderen", cancellationToken: Ct);
            (string deleteId, JsonObject delete) = flow.LatestWithVerb(RegieBot.Cards.DeleteCard.Verb);
            await channel.SubmitAsync(deleteId, delete, "Annuleren", cancellationToken: Ct);
            Assert.NotNull(await flow.Store.GetKaartAsync(kaart.Id, Ct));
            await channel.SayAsync("verwijderen", cancellationToken: Ct);
            (deleteId, delete) = flow.LatestWithVerb(RegieBot.Cards.DeleteCard.Verb);
            await channel.SubmitAsync(deleteId, delete, "Ja, verwijder alles", cancellationToken: Ct);
            Assert.Null(await flow.Store.GetKaartAsync(kaart.Id, Ct));
            Assert.All(_teams.Messages.Values, m => Assert.DoesNotContain("Familie T.", m.Text + ChannelSimulator.CardOf(m).ToJsonString(), StringComparison.Ordinal));

            JsonObject[] cards = [.. _teams.Calls.Select(c => ChannelSimulator.CardOf(c.Activity)), petra, ahmed];
            JsonObject[] executes = [.. cards.SelectMany(c => ChannelSimulator.FindActions(c)).Where(a => (string?)a["verb"] != KaartActions.RefreshVerb)];
            Assert.All(executes, execute =>
            {
                JsonObject fallback = Assert.IsType<JsonObject>(execute["fallback"]);
                Assert.Equal("Action.Submit", (string?)fallback["type"]);
                Assert.Equal((string?)execute["title"], (string?)fallback["title"]);
                Assert.Equal((string?)execute["verb"], (string?)fallback["data"]!["verb"]);
                foreach ((string key, JsonNode? value) in execute["data"]?.AsObject() ?? [])
                {
                    Assert.True(JsonNode.DeepEquals(value, fallback["data"]![key]), key);
                }
            });
            string[] verbs = [.. executes.Select(a => (string)a["verb"]!).Distinct().Order(StringComparer.Ordinal)];
            Assert.Equal(verbs, channel.SubmittedVerbs.Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(11, verbs.Length);   // every verb of every card the bot sent, each sent as its Submit form
        }
    }

    private string LastText(string conversationId) =>
        _teams.Calls.Last(c => c.ConversationId == conversationId && c.Kind == "send" && c.Activity.Text is not null).Activity.Text!;

    private static JsonObject ShowCard(JsonObject card, string title) =>
        ChannelSimulator.ShowCardOf(card, title);
}
