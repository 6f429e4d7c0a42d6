using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

public sealed class ExportCardsTests
{
    private readonly ExportCards _export = new(new CardTemplates());

    [Fact]
    public void Build_SampleCasus_ContainsEveryVersionConfirmationProposalTheCloseRecordAndTheDraft()
    {
        IReadOnlyList<JsonObject> cards = _export.Build(SampleKaarten.Records(), SampleKaarten.Now);

        string all = string.Concat(cards.Select(CardText.Of));
        Assert.Contains("Versie 1 — opgeslagen op", all, StringComparison.Ordinal);
        Assert.Contains("Versie 2 — opgeslagen op", all, StringComparison.Ordinal);
        Assert.Contains("Elke twee weken een kort overleg via Teams.", all, StringComparison.Ordinal);
        Assert.Contains("06 12 34 56 78", all, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries (Entra-id aad-1)", all, StringComparison.Ordinal);
        Assert.Contains("rol bevestigd op", all, StringComparison.Ordinal);
        Assert.Contains("Petra neemt de casusregie over.", all, StringComparison.Ordinal);
        Assert.Contains("Afsluiting", all, StringComparison.Ordinal);
        Assert.Contains(AfschaalCriteria.Text[AfschaalCriterium.RegieOvergedragen], all, StringComparison.Ordinal);
        Assert.Contains("Wordt automatisch verwijderd op", all, StringComparison.Ordinal);
        Assert.Contains("Invulgesprek", all, StringComparison.Ordinal);
        Assert.Contains("geannuleerd", all, StringComparison.Ordinal);
        Assert.Contains("geen bestanden kan sturen", all, StringComparison.Ordinal);
        Assert.Contains("Nooit.", all, StringComparison.Ordinal);   // no escalations
        Assert.DoesNotContain(cards.SelectMany(CardText.OfTextBlocks), t => t.Contains("Sanne", StringComparison.Ordinal) || t.Contains("Familie T.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithEscalationsAndReminders_ListsThemWithWhoAndWhen()
    {
        CasusRecords records = SampleKaarten.Records() with
        {
            Escalations = [new Escalation("aad-1", "De school reageert al weken niet.", SampleKaarten.Now.AddDays(-3))],
            Reminders =
            [
                new Domain.Reminders.ReminderState("k-1", Domain.Reminders.ReminderKind.Evaluatie, Domain.Reminders.ReminderStatus.Sent, SampleKaarten.Now.AddDays(-1), SampleKaarten.Now.AddDays(-1), "a-1"),
                new Domain.Reminders.ReminderState("k-1", Domain.Reminders.ReminderKind.Escalation, Domain.Reminders.ReminderStatus.Cancelled, SampleKaarten.Now, null, null),
            ],
        };

        string all = string.Concat(_export.Build(records, SampleKaarten.Now).Select(CardText.Of));

        Assert.Contains("Opgeschaald", all, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries (Entra-id aad-1), 20 november 2026 om 10:00: \nBolder\nTextRun\nDe school reageert al weken niet.", all, StringComparison.Ordinal);
        Assert.Contains("Evaluatie: \nBolder\nTextRun\nverstuurd op 22 november 2026 om 10:00", all, StringComparison.Ordinal);
        Assert.Contains("Opschalen als een evaluatie onbeantwoord blijft: \nBolder\nTextRun\ngestopt", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LargestCasus_SplitsOverCardsBelowTheLimitAndShortensNothing()
    {
        IReadOnlyList<JsonObject> cards = _export.Build(SampleKaarten.Records(SampleKaarten.Largest), SampleKaarten.Now);

        Assert.True(cards.Count > 2, $"{cards.Count} cards");
        Assert.All(cards, c => Assert.True(Encoding.UTF8.GetByteCount(c.ToJsonString()) <= ExportCards.MaxBytes));
        string all = string.Concat(cards.Select(CardText.Of));
        foreach (Agreement agreement in SampleKaarten.Largest.Regievoeren.Concat(SampleKaarten.Largest.Afstemming))
        {
            Assert.Contains(agreement.Text, all, StringComparison.Ordinal);
        }

        Assert.Equal($"Deel 1 van {cards.Count} · gemaakt op 23 november 2026 om 10:00", (string?)cards[0]["body"]![2]!["text"]);
        Assert.Equal($"Deel {cards.Count} van {cards.Count} · gemaakt op 23 november 2026 om 10:00", (string?)cards[^1]["body"]![2]!["text"]);
    }

    [Fact]
    public void Build_OnlyADraft_ExportsTheDraft()
    {
        CasusRecords records = new() { KaartId = "k-new", Casus = "Familie N.", Dialog = SampleKaarten.Dialog(Domain.Dialogs.DialogStep.Professionals) };

        string all = string.Concat(_export.Build(records, SampleKaarten.Now).Select(CardText.Of));

        Assert.Contains("de eerste versie wordt nog ingevuld", all, StringComparison.Ordinal);
        Assert.Contains("wordt ingevuld, stap 2 van 7", all, StringComparison.Ordinal);
        Assert.Contains("Ahmed El Amrani", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Pager_PagesAfterTheFirst_AreMeasuredWithoutTheIntro()
    {
        // A page costs 100 bytes, the intro 500 more, a block 10 and a line 100: the first page holds 3 lines, each later one 8.
        ExportPager pager = new((blocks, intro) => 100 + (intro ? 500 : 0) + blocks.Sum(b => 10 + (100 * b.Lines.Count)));
        ExportBlock block = new("Versie 1", [.. Enumerable.Range(1, 20).Select(i => new ExportLine("• ", $"afspraak {i}"))]);

        List<List<ExportBlock>> pages = pager.Pack([block], budget: 1000);

        Assert.Equal([3, 8, 8, 1], pages.Select(p => Assert.Single(p).Lines.Count));
        Assert.Equal(["Versie 1", "Versie 1 (vervolg)", "Versie 1 (vervolg)", "Versie 1 (vervolg)"], pages.Select(p => p[0].Title));
    }

    [Fact]
    public void Measure_AnEmptyPage_CountsTheIntroOnlyWhenAsked()
    {
        int without = _export.Measure("Familie T.", [], intro: false);
        int with = _export.Measure("Familie T.", [], intro: true);

        Assert.True(with - without > Encoding.UTF8.GetByteCount(ExportCards.Intro), $"{without} bytes without the intro, {with} with it");
    }

    [Fact]
    public void Build_LargestCasus_OnlyTheFirstCardCarriesTheIntro()
    {
        IReadOnlyList<JsonObject> cards = _export.Build(SampleKaarten.Records(SampleKaarten.Largest), SampleKaarten.Now);

        Assert.Contains(ExportCards.Intro, CardText.Of(cards[0]), StringComparison.Ordinal);
        Assert.All(cards.Skip(1), c => Assert.DoesNotContain(ExportCards.Intro, CardText.Of(c), StringComparison.Ordinal));
    }
}
