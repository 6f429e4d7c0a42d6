using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>A team of 2,000: the member picker is searched (Teams' dynamic typeahead), and no card outgrows Teams.</summary>
public sealed partial class RealTeamsTests
{
    private const int TeamsCardLimit = 28 * 1024;

    [Fact]
    public async Task Roster_TeamOf2000_CardsStayUnder28KbAndSearchFindsTheRightMembers()
    {
        _teams.Members.AddRange(Enumerable.Range(1, 1997).Select(i => new TeamsChannelAccount
        {
            Id = "29:lid" + i.ToString(CultureInfo.InvariantCulture),
            AadObjectId = "aad-lid" + i.ToString(CultureInfo.InvariantCulture),
            Name = $"Collega {i:0000} {(i % 2 == 0 ? "Bakker" : "Özdemir")}",
        }));
        KaartFlow flow = Start();
        using (flow.App)
        {
            ChannelSimulator channel = flow.Channel;
            await channel.SayAsync("start Familie T.", cancellationToken: Ct);
            JsonNode professionals = await flow.NextAsync(new() { ["moment"] = "1" }, Ct);

            JsonObject picker = Picker(professionals);
            Assert.Equal("Data.Query", (string?)picker["choices.data"]!["type"]);
            Assert.Equal(DialogCard.MemberDataset, (string?)picker["choices.data"]!["dataset"]);
            Assert.True(picker["choices"]!.AsArray().Count <= DialogCard.StaticMembers + 1, "a short static list");

            JsonNode petra = await channel.SearchAsync(DialogCard.MemberDataset, "petra", cancellationToken: Ct);
            Stopwatch watch = Stopwatch.StartNew();
            JsonNode one = await channel.SearchAsync(DialogCard.MemberDataset, "collega 1997", cancellationToken: Ct);
            TimeSpan took = watch.Elapsed;
            JsonNode many = await channel.SearchAsync(DialogCard.MemberDataset, "ozdemir", cancellationToken: Ct);
            JsonNode page2 = await channel.SearchAsync(DialogCard.MemberDataset, "bakker", skip: 15, cancellationToken: Ct);

            Assert.Equal(200, (int)petra["statusCode"]!);
            Assert.Equal("application/vnd.microsoft.search.searchResponse", (string?)petra["type"]);
            Assert.Equal(["aad-petra"], Results(petra).Select(r => (string?)r!["value"]));
            Assert.True(Results(one).Select(r => (string?)r!["title"]).SequenceEqual(["Collega 1997 Özdemir"]), one.ToJsonString());
            Assert.True(took < TimeSpan.FromSeconds(2), $"search took {took}");
            Assert.Equal(15, Results(many).Count);   // accents ignored, at most 15
            Assert.All(Results(many), r => Assert.EndsWith("Özdemir", (string?)r!["title"], StringComparison.Ordinal));
            Assert.Equal("Collega 0032 Bakker", (string?)Results(page2)[0]!["title"]);

            await flow.AddAsync(new() { ["lid"] = "aad-lid1997", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente" }, Ct);
            await flow.AddAsync(new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" }, Ct);
            Assert.Contains("Collega 1997 Özdemir", KaartFlow.StringsOf(flow.StepCard().Card), StringComparison.Ordinal);
            Assert.Equal("Regiekaart opgeslagen", KaartFlow.Title(await FinishAsync(flow)));

            string[] tooLarge = [.. _teams.Calls.Select(c => Encoding.UTF8.GetByteCount(ChannelSimulator.CardOf(c.Activity).ToJsonString()))
                .Where(size => size >= TeamsCardLimit).Select(size => size.ToString(CultureInfo.InvariantCulture))];
            Assert.True(tooLarge.Length == 0, "cards over 28 KB: " + string.Join(", ", tooLarge));
            Assert.True(Encoding.UTF8.GetByteCount(professionals.ToJsonString()) < TeamsCardLimit);
            Assert.True(_teams.MemberRequests.Count <= 2, $"the roster was fetched {_teams.MemberRequests.Count} times");   // cached per team
        }
    }

    private static async Task<JsonNode> FinishAsync(KaartFlow flow)
    {
        await flow.NextAsync(null, Ct);
        await flow.NextAsync(new() { ["afspraken"] = "Collega 1997 heeft de casusregie" }, Ct);
        await flow.NextAsync(new() { ["afspraken"] = "Elke twee weken overleg" }, Ct);
        await flow.NextAsync(new() { ["aanspreekpunt"] = "p1" }, Ct);
        await flow.NextAsync(new() { ["bewaker"] = "p2" }, Ct);
        return await flow.NextAsync(new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }, Ct);
    }

    private static JsonObject Picker(JsonNode card) =>
        Descendants(card).Single(e => (string?)e["id"] == "lid");

    private static JsonArray Results(JsonNode answer) => answer["value"]!["results"]!.AsArray();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Descendants(p.Value))],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
