using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Kaarten;

public sealed class KaartDiffTests
{
    private static readonly KaartContent Before = new()
    {
        Professionals =
        [
            new Professional { Id = "p1", Naam = "Sanne", Functie = "Jeugdconsulent", Organisatie = "Gemeente" },
            new Professional { Id = "p2", Naam = "Ahmed", Functie = "Maatschappelijk werker", Organisatie = "Wijkteam" },
        ],
        Regievoeren = [new("r1", "A"), new("r2", "B")],
        Afstemming = [new("s1", "C")],
        AanspreekpuntId = "p1",
        BewakerId = "p2",
        Evaluatiedatum = new DateOnly(2027, 2, 23),
    };

    [Fact]
    public void Describe_NoChange_IsEmpty()
    {
        Assert.Empty(KaartDiff.Describe(Before, Before with { }));
    }

    [Fact]
    public void Describe_EverySection_SaysWhatChanged()
    {
        KaartContent after = Before with
        {
            Professionals = [Before.Professionals[0] with { Functie = "Teamleider" }, new Professional { Id = "p3", Naam = "Petra" }],
            Regievoeren = [new("r1", "A"), new("r2", "B gewijzigd"), new("r3", "D")],
            Afstemming = [],
            AanspreekpuntId = "p3",
            Evaluatiedatum = new DateOnly(2027, 3, 1),
        };

        IReadOnlyList<string> changes = KaartDiff.Describe(Before, after);

        Assert.Equal(
        [
            "Betrokken professionals: Petra toegevoegd, Ahmed verwijderd, gegevens van Sanne gewijzigd",
            "1. Afspraken over regievoeren: 1 gewijzigd, 1 toegevoegd",
            "2. Afspraken over de onderlinge afstemming: 1 verwijderd",
            "3. Vast aanspreekpunt: Sanne → Petra",
            "4. Zicht op naleving: Ahmed → –",
            "Evaluatiedatum: 23 februari 2027 → 1 maart 2027",
        ], changes);
    }
}
