using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

public sealed class KaartCardTests
{
    private readonly KaartCard _card = new(new CardTemplates());

    private static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is not null)
            {
                yield return obj;
            }

            foreach ((_, JsonNode? child) in obj)
            {
                foreach (JsonObject e in Elements(child))
                {
                    yield return e;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonObject e in array.SelectMany(Elements))
            {
                yield return e;
            }
        }
    }

    private static string[] TextRuns(JsonObject card) =>
        [.. Elements(card).Where(e => (string?)e["type"] == "TextRun").Select(e => (string?)e["text"] ?? string.Empty)];

    [Fact]
    public void Build_Kaart_MirrorsTheFormsSectionsAndLabels()
    {
        string json = _card.Build(SampleKaarten.Kaart()).ToJsonString();

        foreach (string label in new[]
        {
            Hulpvragen.FormTitle, Hulpvragen.BetrokkenProfessionals, Hulpvragen.Naam, Hulpvragen.Functie, Hulpvragen.Organisatie,
            Hulpvragen.Contact, Hulpvragen.Sectie1, Hulpvragen.Sectie2, Hulpvragen.Sectie3, Hulpvragen.Sectie4, Hulpvragen.Datum,
        })
        {
            Assert.Contains(JsonValue.Create(label)!.ToJsonString()[1..^1], json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_SavedLateInTheEvening_ShowsTheDayInAmsterdamNotUtc()
    {
        Kaart kaart = SampleKaarten.Kaart(SampleKaarten.Content with { Datum = new DateOnly(2026, 11, 20) }) with { UpdatedAt = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero) };   // 00:30 on the 24th in Amsterdam

        string json = _card.Build(kaart).ToJsonString();

        Assert.Contains("24 november 2026", json, StringComparison.Ordinal);
        Assert.DoesNotContain("23 november 2026", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Kaart_ShowsEveryProfessionalAgreementAndRole()
    {
        JsonObject card = _card.Build(SampleKaarten.Kaart());
        string[] runs = TextRuns(card);

        foreach (Professional p in SampleKaarten.Content.Professionals)
        {
            Assert.Contains(p.Naam, runs);
        }

        foreach (Agreement a in SampleKaarten.Content.Regievoeren.Concat(SampleKaarten.Content.Afstemming))
        {
            Assert.Contains(a.Text, runs);
        }

        Assert.Contains(runs, r => r.StartsWith("Ahmed El Amrani — Maatschappelijk werker", StringComparison.Ordinal));
        Assert.Contains("23 februari 2027", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UserTextWithMarkdownAndMentions_OnlyAppearsInPlainTextRuns()
    {
        JsonObject card = _card.Build(SampleKaarten.Kaart());

        IEnumerable<JsonObject> withUserText = Elements(card).Where(e => e.ToJsonString().Contains("evil.example", StringComparison.Ordinal) && e["text"] is not null);

        Assert.All(withUserText, e => Assert.Equal("TextRun", (string?)e["type"]));
        Assert.Contains("**Kees** [klik](https://evil.example)", TextRuns(card));
    }

    [Fact]
    public void Build_LargestCasus_StaysBelowTheBudgetAndSaysItWasShortened()
    {
        JsonObject card = _card.Build(SampleKaarten.Kaart(SampleKaarten.Largest));
        string json = card.ToJsonString();

        Assert.True(Encoding.UTF8.GetByteCount(json) <= KaartCard.MaxBytes, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.Contains("ingekort", json, StringComparison.Ordinal);
        foreach (Professional p in SampleKaarten.Largest.Professionals)
        {
            Assert.Contains(p.Naam, TextRuns(card));
        }

        Assert.Equal(60, TextRuns(card).Count(r => r.StartsWith("Afspraak ", StringComparison.Ordinal) || r.StartsWith("Afstemming ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_SmallCasus_IsNotShortened()
    {
        string json = _card.Build(SampleKaarten.Kaart()).ToJsonString();

        Assert.DoesNotContain("ingekort", json, StringComparison.Ordinal);
        Assert.Contains("Telefoonnummer/email: ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ClosedKaart_SaysAfgeslotenAndOffersNoUpdate()
    {
        JsonObject card = _card.Build(SampleKaarten.Kaart(status: KaartStatus.Afgesloten));

        Assert.Contains("Afgesloten", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(CardActions.Of(card));
    }

    [Fact]
    public void Build_ClosedWithCloseRecord_ShowsDateAndCriteriumAndNoCloseButton()
    {
        JsonObject card = _card.Build(SampleKaarten.Closed());

        string json = card.ToJsonString();
        Assert.Contains("Afgesloten op 23 december 2026", json, StringComparison.Ordinal);
        Assert.Contains("Afschalen: regie is overgedragen aan een andere professional", json, StringComparison.Ordinal);
        Assert.DoesNotContain(CardActions.Of(card), a => (string?)a!["title"] == "Casus afsluiten");
    }

    [Fact]
    public void Build_Active_OffersCasusAfsluiten()
    {
        JsonObject card = _card.Build(SampleKaarten.Kaart());

        JsonNode action = CardActions.Of(card).Single(a => (string?)a!["title"] == "Casus afsluiten")!;
        Assert.Equal(CloseCard.AskVerb, (string?)action["verb"]);
        Assert.Equal("k-sample", (string?)action["data"]!["kaartId"]);
    }
}
