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
    public void Describe_EverySection_ByItsTitleOnTheForm_OldToNew()
    {
        KaartContent after = Before with
        {
            Professionals = [Before.Professionals[0] with { Functie = "Teamleider", Regievorm = Regievorm.Casusregie }, new Professional { Id = "p3", Naam = "Petra" }],
            Regievoeren = [new("r1", "A"), new("r2", "B gewijzigd"), new("r3", "D")],
            Afstemming = [],
            AanspreekpuntId = "p3",
            Evaluatiedatum = new DateOnly(2027, 3, 1),
        };

        IReadOnlyList<string> changes = KaartDiff.Describe(Before, after);

        Assert.Equal(
        [
            "Betrokken professionals: Petra toegevoegd",
            "Betrokken professionals: Ahmed verwijderd",
            "Betrokken professionals: Sanne: Functie Jeugdconsulent → Teamleider; Regievorm geen → casusregie",
            "1. Gemaakte afspraken over regievoeren: „B” → „B gewijzigd”",
            "1. Gemaakte afspraken over regievoeren: toegevoegd „D”",
            "2. Gemaakte afspraken over de onderlinge afstemming: verwijderd „C”",
            Hulpvragen.Sectie3 + ": Sanne → Petra",
            Hulpvragen.Sectie4 + ": Ahmed → –",
            "Evaluatiedatum: 23 februari 2027 → 1 maart 2027",
        ], changes);
    }

    [Fact]
    public void Describe_LongAgreement_IsShortened()
    {
        string longText = new('x', 200);
        KaartContent after = Before with { Regievoeren = [new("r1", longText), new("r2", "B")] };

        string change = Assert.Single(KaartDiff.Describe(Before, after));

        Assert.Contains("„A” → „" + new string('x', KaartDiff.MaxTextLength - 1) + "…”", change, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyEvaluationDateChanged_IsTrueForAnEvaluationAnswer_FalseForMore()
    {
        Assert.True(KaartDiff.OnlyEvaluationDateChanged(Before, Before with { Evaluatiedatum = new DateOnly(2027, 5, 23) }));
        Assert.False(KaartDiff.OnlyEvaluationDateChanged(Before, Before with { Evaluatiedatum = new DateOnly(2027, 5, 23), BewakerId = "p1" }));
        Assert.True(KaartDiff.OnlyEvaluationDateChanged(Before, Before));   // answered again the same day
    }
}
