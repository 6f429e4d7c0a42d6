using System.Net;
using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.IntegrationTests.Bot;

public sealed partial class RealTeamsTests
{
    private const string MeetingStartTitle = "Casusoverleg: de regiekaart";
    private const string MeetingEndTitle = "Casusoverleg afgelopen";

    [Fact]
    public async Task Meeting_StartsInACasusThread_PostsTheKaartsEssentialsWithAButtonThatOpensIt()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, (await flow.Channel.MeetingEventAsync(start: true, cancellationToken: Ct)).StatusCode);

            (string cardId, JsonObject card) = Assert.Single(flow.Posted(), c => (string?)c.Card["body"]?[0]?["text"] == MeetingStartTitle);
            string[] lines = [.. card["body"]!.AsArray().Where(e => (string?)e!["type"] == "RichTextBlock")
                .Select(e => string.Concat(e!["inlines"]!.AsArray().Select(i => (string?)i!["text"])))];
            Assert.Contains("Vast aanspreekpunt: Ahmed El Amrani", lines);
            Assert.Contains("Bewaker van de afspraken: Sanne de Vries", lines);
            Assert.Contains("Rol nog niet bevestigd: Sanne de Vries, Ahmed El Amrani, Petra Jansen", lines);
            Assert.Contains("Open escalaties: geen", lines);
            Assert.Contains("Volgende evaluatie: 23 februari 2027", lines);
            Assert.Contains((await flow.Store.GetFootprintAsync(kaart.Id, Ct))!.Messages, m => m.ActivityId == cardId);   // erased with the casus

            JsonNode opened = await flow.Channel.ClickAsync(cardId, card, "Regiekaart openen", user: "petra", cancellationToken: Ct);
            Assert.Equal(200, (int)opened["statusCode"]!);
            Assert.Contains("Ahmed heeft de casusregie", KaartFlow.StringsOf(opened["value"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Meeting_EndsInACasusThread_AsksWhetherTheAgreementsChanged()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);
            await flow.Channel.MeetingEventAsync(start: true, cancellationToken: Ct);

            await flow.Channel.MeetingEventAsync(start: false, cancellationToken: Ct);

            (string cardId, JsonObject card) = Assert.Single(flow.Posted(), c => (string?)c.Card["body"]?[0]?["text"] == MeetingEndTitle);
            Assert.Contains("Zijn de afspraken van de regiekaart veranderd?", KaartFlow.StringsOf(card), StringComparison.Ordinal);
            Assert.Equal(["Regiekaart bijwerken:bijwerken", "Afspraken blijven staan:evaluatie"],
                ChannelSimulator.FindActions(card).Select(a => $"{a["title"]}:{a["verb"]}"));

            JsonNode stays = await flow.Channel.ClickAsync(cardId, card, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);
            Assert.Equal(200, (int)stays["statusCode"]!);
            Assert.Equal(kaart.Version + 1, (await flow.Store.GetKaartAsync(kaart.Id, Ct))!.Version);
        }
    }

    [Fact]
    public async Task Meeting_InAThreadWithoutKaart_GetsNothingAtStartOrEnd()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            // ChannelMeeting.ReadBasic.Group delivers every meeting of every channel, each occurrence of a recurring one
            // too: only a casus thread is answered.
            HttpResponseMessage started = await flow.Channel.MeetingEventAsync(start: true, cancellationToken: Ct);
            HttpResponseMessage ended = await flow.Channel.MeetingEventAsync(start: false, cancellationToken: Ct);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { started.StatusCode, ended.StatusCode });
            Assert.Empty(_teams.Calls);
            Assert.Null(await flow.Store.FindByThreadAsync(flow.Channel.ThreadId, Ct));
        }
    }

    [Fact]
    public async Task Meeting_InAConversationNotLinkedToAnything_IsIgnored()
    {
        KaartFlow flow = Start();
        using (flow.App)
        {
            await flow.SaveKaartAsync(Ct);
            int before = _teams.Calls.Count;

            HttpResponseMessage started = await flow.Channel.MeetingEventAsync(start: true, "19:meeting_NjU4ZTgwMDMtMmFlZC00ZDUy@thread.v2", "groupChat", Ct);
            HttpResponseMessage ended = await flow.Channel.MeetingEventAsync(start: false, "19:meeting_NjU4ZTgwMDMtMmFlZC00ZDUy@thread.v2", "groupChat", Ct);
            HttpResponseMessage otherThread = await flow.Channel.MeetingEventAsync(start: false, ChannelSimulator.ChannelId + ";messageid=1767220000000", cancellationToken: Ct);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { started.StatusCode, ended.StatusCode, otherThread.StatusCode });
            Assert.Equal(before, _teams.Calls.Count);
        }
    }
}
