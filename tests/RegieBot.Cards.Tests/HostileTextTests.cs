using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

/// <summary>
/// Names, reasons and every other typed text stay plain text on every card: no live link, no markup, no entity text,
/// shown as typed. TextBlock texts and facts are markdown (Teams renders them), every other text is plain.
/// </summary>
public sealed partial class HostileTextTests
{
    public static TheoryData<string> Hostile { get; } =
    [
        "d'Hondt",
        "'t Hart",
        "[klik hier](https://evil.example/x)",
        "[x](javascript:alert(1))",
        "https://evil.example/pad",
        "<https://evil.example>",
        "www.evil.example of mail@evil.example",
        "<at>iedereen</at>",
        "Kees</at><at>Sanne",
        "**vet** _schuin_ ~~weg~~ `code`",
        "<b>Kees</b> <img src=x onerror=alert(1)>",
        "Tom &amp; Jerry &#39;Co&#39; &lt;b&gt;",
        "- lijst",
        "1. lijst",
        "# kop",
        "> citaat \\ schuin",
    ];

    private const string Neutral = "Jansen";

    private static readonly CardTemplates Templates = new();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryCard_HostileText_IsPlainAndShownAsTyped(string text)
    {
        Dictionary<string, JsonObject> neutral = Cards(Neutral).ToDictionary(c => c.Name, c => c.Card);
        foreach ((string name, JsonObject card) in Cards(text))
        {
            // Markdown that a card with a harmless name has too is the bot's own text.
            HashSet<string> ours = [.. Texts(neutral[name]).Where(t => t.Markdown).Select(t => t.Text)];
            List<string> shown = [];
            foreach ((string value, bool markdown) in Texts(card))
            {
                if (markdown && !ours.Contains(value))
                {
                    AssertInert(name, value, card);
                }

                shown.Add(markdown ? Displayed(value) : value);
            }

            Assert.True(shown.Any(s => s.Contains(text, StringComparison.Ordinal)), $"{name}: '{text}' is not shown as typed.\n{string.Join('\n', shown)}");
            if (!text.Contains('&', StringComparison.Ordinal))
            {
                Assert.DoesNotContain(shown, s => Entity().IsMatch(s));
            }
        }
    }

    [Theory]
    [InlineData("d'Hondt")]
    [InlineData("'t Hart")]
    public void Mention_Apostrophe_IsNotAnEntity(string naam)
    {
        Kaart kaart = WithNames(naam);

        JsonObject card = new EscalationCard(Templates).Build(kaart, "Sanne", "reden");

        JsonArray entities = card["msteams"]!["entities"]!.AsArray();
        Assert.Equal($"<at>{naam}</at>", (string?)entities.Single()!["text"]);
        Assert.Contains($"<at>{naam}</at>", string.Join('\n', CardText.OfTextBlocks(card)), StringComparison.Ordinal);
    }

    /// <summary>Every card that shows typed text, with <paramref name="text"/> in every typed field.</summary>
    private static IEnumerable<(string Name, JsonObject Card)> Cards(string text)
    {
        Kaart kaart = WithNames(text);
        Kaart closed = kaart with
        {
            Status = KaartStatus.Afgesloten,
            Closure = new KaartClosure(AfschaalCriterium.RegieOvergedragen, text, SampleKaarten.Now, "aad-1", SampleKaarten.Now.AddDays(90)),
        };
        Kaart external = kaart with { Content = kaart.Content with { BewakerId = "p2", AanspreekpuntId = "p2" } };
        KaartSnapshot snapshot = new(
            kaart,
            [new Confirmation("p1", "aad-1", SampleKaarten.Now, RoleFingerprints.Of(kaart.Content, kaart.Content.Professionals[0]))],
            [new ChangeProposal("w1", "aad-1", "p1", text, SampleKaarten.Now)]);
        DialogState dialog = SampleKaarten.Dialog(DialogStep.Professionals) with { Casus = text, Draft = kaart.Content };

        yield return ("regiekaart", new KaartCard(Templates).Build(snapshot, viewerAadObjectId: null));
        yield return ("regiekaart-viewer", new KaartCard(Templates).Build(snapshot, viewerAadObjectId: "aad-1"));
        yield return ("regiekaart-closed", new KaartCard(Templates).Build(closed));
        yield return ("evaluatie", new EvaluationCard(Templates).Build(kaart));
        yield return ("evaluatie-external", new EvaluationCard(Templates).Build(external));
        yield return ("evaluatie-handled", new EvaluationCard(Templates).Build(kaart, handled: $"Afspraken blijven staan ({text}, 2 december 2026 om 09:00)."));
        yield return ("opschalen", new EscalationCard(Templates).Build(kaart, text, text));
        yield return ("overleg", new MeetingCard(Templates).Started(snapshot, [new Escalation("aad-1", text, SampleKaarten.Now)]));
        yield return ("overleg-end", new MeetingCard(Templates).Ended(kaart));
        yield return ("opschalen-external", new EscalationCard(Templates).Build(external, text, text));
        yield return ("wijziging", new ProposalCard(Templates).Build(kaart, text, text));
        yield return ("wijziging-external", new ProposalCard(Templates).Build(external, text, text));
        yield return ("clientversie", new ClientCard(Templates).Build(kaart));
        yield return ("clientversie-closed", new ClientCard(Templates).Build(closed));
        yield return ("afsluiten-ask", new CloseCard(Templates).Ask(kaart, [$"{text} staat al op de kaart."], new Dictionary<string, string> { [CloseCard.OvergedragenAanField] = text }));
        yield return ("afsluiten-closed", new CloseCard(Templates).Closed(closed, text));
        yield return ("verwijderen", new DeleteCard(Templates).Ask(kaart.Id, text, SampleKaarten.Now));
        yield return ("betrokkenheid", new MembershipNoticeCard(Templates).Build(kaart.Id, text, [$"{text} is uit het team verwijderd."]));
        yield return ("dialoog", new DialogCard(Templates).Build(dialog, [$"{text} staat al op de kaart."], new Dictionary<string, string> { ["naam"] = text }, [new TeamMember("aad-9", "29:9", text)]));
        yield return ("dialoog-afspraken", new DialogCard(Templates).Build(dialog with { Step = DialogStep.Regievoeren }, [], null, []));
        int page = 0;
        foreach (JsonObject card in new ExportCards(Templates).Build(
            new CasusRecords
            {
                KaartId = kaart.Id,
                Casus = text,
                Kaart = closed,
                Versions = [kaart],
                Proposals = snapshot.Proposals,
                Escalations = [new Escalation("aad-1", text, SampleKaarten.Now)],
            },
            SampleKaarten.Now))
        {
            yield return ($"export-{++page}", card);
        }
    }

    /// <summary>A kaart whose every typed field is <paramref name="text"/>: p1 linked (bewaker, procesregie), p2 external (aanspreekpunt).</summary>
    private static Kaart WithNames(string text) => SampleKaarten.Kaart(new KaartContent
    {
        Moment = Moment.OnduidelijkWieRegieHeeft,
        Professionals =
        [
            new Professional { Id = "p1", Naam = text, Functie = text, Organisatie = text, Contact = text, AadObjectId = "aad-1", TeamsUserId = "29:1", Regievorm = Regievorm.Procesregie },
            new Professional { Id = "p2", Naam = text, Functie = text, Organisatie = text, Contact = text },
        ],
        Regievoeren = [new("r1", text)],
        Afstemming = [new("s1", text)],
        AanspreekpuntId = "p2",
        BewakerId = "p1",
        Datum = new DateOnly(2026, 11, 23),
        Evaluatiedatum = new DateOnly(2027, 2, 23),
        ProfessionalSequence = 2,
    }) with { Casus = text };

    /// <summary>Every text a user sees, and whether Teams renders it as markdown (TextBlock text, Fact title and value).</summary>
    private static IEnumerable<(string Text, bool Markdown)> Texts(JsonNode? node, bool markdownParent = false)
    {
        switch (node)
        {
            case JsonObject obj:
                string? type = (string?)(obj["type"] as JsonValue);
                foreach ((string key, JsonNode? child) in obj)
                {
                    if (key is "msteams" or "data" or "refresh" or "id" or "type" or "verb" or "$schema" or "version" or "color" or "size" or "weight" or "style" or "spacing" or "width")
                    {
                        continue;
                    }

                    bool markdown = (type == "TextBlock" && key == "text") || (markdownParent && key is "title" or "value");
                    foreach ((string Text, bool Markdown) text in child is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        ? [(v.GetValue<string>(), markdown)]
                        : Texts(child, markdownParent: key == "facts"))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    foreach ((string Text, bool Markdown) text in Texts(item, markdownParent))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>Markdown with nothing live in it: every markdown character that remains is escaped, every <c>&lt;at&gt;</c> is a mention.</summary>
    private static void AssertInert(string card, string markdown, JsonObject whole)
    {
        foreach (Match at in AtTag().Matches(markdown))
        {
            Assert.True(
                whole["msteams"]?["entities"] is JsonArray entities && entities.Any(e => (string?)e!["text"] == at.Value),
                $"{card}: {at.Value} is not a mention the card declares.");
        }

        string rest = Escaped().Replace(AtTag().Replace(markdown, m => m.Groups[1].Value), "\uE000");
        Assert.False(Link().IsMatch(rest), $"{card}: a live link in '{markdown}'");
        Assert.False(Autolink().IsMatch(rest), $"{card}: an autolink in '{markdown}'");
        Assert.False(Markup().IsMatch(rest), $"{card}: markup in '{markdown}'");
        Assert.False(Entity().IsMatch(rest), $"{card}: entity text in '{markdown}'");
        Assert.False(Block().IsMatch(rest), $"{card}: a list, heading or quote in '{markdown}'");
    }

    /// <summary>What a markdown text shows: escapes resolved, mention tags replaced by the name they show.</summary>
    private static string Displayed(string markdown) =>
        Escaped().Replace(AtTag().Replace(markdown, m => m.Groups[1].Value), m => m.Value[1..]);

    [GeneratedRegex(@"\\[!-/:-@\[-`{-~]")]
    private static partial Regex Escaped();

    [GeneratedRegex(@"(?<!\\)<at>(.*?)(?<!\\)</at>")]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\[[^\]]*\]\s*\(")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?i)[a-z][a-z0-9+.\-]*:(?=\S)|www\.|\S@\S")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"[*_~`<>\\]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?i)&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"(?m)^\s*([-+#>]|\d+[.)])")]
    private static partial Regex Block();
}
