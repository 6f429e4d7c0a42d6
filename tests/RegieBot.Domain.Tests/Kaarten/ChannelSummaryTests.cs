using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Kaarten;

public sealed class ChannelSummaryTests
{
    private static readonly DateTimeOffset Saved = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly KaartContent Content = new()
    {
        Professionals =
        [
            new Professional { Id = "p1", Naam = "Sanne de Vries", Functie = "Jeugdconsulent", Contact = "06 12 34 56 78", AadObjectId = "aad-sanne", TeamsUserId = "29:sanne", Regievorm = Regievorm.Procesregie },
            new Professional { Id = "p2", Naam = "Ahmed El Amrani", Functie = "Maatschappelijk werker", AadObjectId = "aad-ahmed", TeamsUserId = "29:ahmed" },
            new Professional { Id = "p3", Naam = "Kees Bakker", Functie = "Intern begeleider", Contact = "k@example.org" },
        ],
        Regievoeren = [new("r1", "Ahmed heeft de casusregie.")],
        AanspreekpuntId = "p3",
        BewakerId = "p2",
        Evaluatiedatum = new DateOnly(2027, 2, 23),
    };

    private static Kaart Kaart(KaartStatus status = KaartStatus.Actief) => new()
    {
        Id = "k1",
        Casus = "Familie T.",
        Location = new("19:c;messageid=1", "19:c", null, "tenant", "https://smba.trafficmanager.net/emea/"),
        Content = Content,
        Version = 3,
        Status = status,
        UpdatedAt = Saved,
        Closure = status == KaartStatus.Afgesloten ? new KaartClosure(AfschaalCriterium.GezinVoertZelfRegie, null, Saved.AddDays(2), "aad-ahmed", Saved.AddDays(92)) : null,
    };

    [Fact]
    public void Of_Snapshot_HoldsTheSignalsInputsAndOnlyNamesOfThePeople()
    {
        Confirmation ahmed = new("p2", "aad-ahmed", Saved.AddHours(1), RoleFingerprints.Of(Content, Content.Find("p2")!));
        KaartSnapshot snapshot = new(Kaart(), [ahmed], [])
        {
            Escalations = [new Escalation("aad-sanne", "De school reageert niet.", Saved.AddDays(-1)), new Escalation("aad-sanne", "Nog steeds niet.", Saved.AddDays(1))],
        };

        ChannelSummary summary = ChannelSummary.Of(snapshot);

        Assert.Equal(["Sanne de Vries", "Ahmed El Amrani"], summary.Linked.Select(p => p.Naam));   // the external one does not confirm in Teams
        Assert.Equal([false, true], summary.Linked.Select(p => p.Confirmed));
        Assert.Equal(("Ahmed El Amrani", true), (summary.Bewaker!.Naam, summary.Bewaker.Confirmed));
        Assert.Equal(("Kees Bakker", true), (summary.Aanspreekpunt!.Naam, summary.Aanspreekpunt.Confirmed));
        Assert.Equal("Sanne de Vries", summary.EscalatedTo);   // the procesregisseur
        Assert.Equal([Saved.AddDays(1)], summary.OpenEscalations);   // the one before this version was answered by it
        Assert.Equal((3, new DateOnly(2027, 2, 23), false), (summary.Version, summary.Evaluatiedatum, summary.Closed));
        string json = System.Text.Json.JsonSerializer.Serialize(summary);
        Assert.DoesNotContain("06 12", json, StringComparison.Ordinal);
        Assert.DoesNotContain("casusregie", json, StringComparison.Ordinal);
        Assert.DoesNotContain("school", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ClosedKaart_HasItsCloseAndNoOpenEscalations()
    {
        KaartSnapshot snapshot = new(Kaart(KaartStatus.Afgesloten), [], []) { Escalations = [new Escalation("aad-sanne", "Reden.", Saved.AddDays(1))] };

        ChannelSummary summary = ChannelSummary.Of(snapshot);

        Assert.Equal((true, AfschaalCriterium.GezinVoertZelfRegie, Saved.AddDays(2)), (summary.Closed, summary.Criterium, summary.ClosedAt));
        Assert.Empty(summary.OpenEscalations);
    }
}
