using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace RegieBot.IntegrationTests.Bot;

public sealed partial class RealTeamsTests
{
    private const string MovedServiceUrl = "https://smba.trafficmanager.net/amer/";

    [Fact]
    public async Task ServiceUrl_MovedAfterStart_ReminderCardUpdateAndErasureGoToTheNewOne()
    {
        Reminders.MovableTime time = new();
        KaartFlow flow = Start("PT20S", time);
        using (flow.App)
        {
            (_, string cardId) = await flow.SaveKaartAsync(Ct);
            flow.Channel.CurrentServiceUrl = MovedServiceUrl;
            await flow.Channel.SayAsync("status", user: "petra", cancellationToken: Ct);

            time.Jump(TimeSpan.FromSeconds(21));
            await flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>().DispatchDueAsync(Ct);
            (string evaluationId, _) = flow.Posted().Single(c => (string?)c.Card["body"]?[0]?["text"] == "Evaluatie van de regiekaart");
            _teams.ServiceUrls.TryRemove(("update", cardId), out _);
            await flow.Channel.ConfirmAsync(cardId, flow.Card(cardId), "petra", Ct);
            string confirmedOn = _teams.ServiceUrls[("update", cardId)];
            _teams.ServiceUrls.TryRemove(("update", cardId), out _);
            await flow.Channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.DeleteCard.Verb);
            await flow.Channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);

            Assert.Equal(MovedServiceUrl, _teams.ServiceUrls[("send", evaluationId)]);
            Assert.Equal(MovedServiceUrl, confirmedOn);
            Assert.Contains("Regiekaart verwijderd", flow.Card(cardId).ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(MovedServiceUrl, _teams.ServiceUrls[("update", cardId)]);
        }
    }
}
