using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

public sealed class ClientCardTests
{
    private readonly ClientCard _card = new(new CardTemplates());

    [Fact]
    public void Build_ActiveKaart_ShowsAanspreekpuntWithContactAgreementsOfSection1AndEvaluation()
    {
        Kaart kaart = SampleKaarten.Kaart(SampleKaarten.Content with { AanspreekpuntId = "p3" });

        string card = CardText.Of(_card.Build(kaart));

        Assert.Contains("Jullie vaste contactpersoon", card, StringComparison.Ordinal);
        Assert.Contains("Petra Jansen", card, StringComparison.Ordinal);
        Assert.Contains("p.jansen@example.org", card, StringComparison.Ordinal);
        Assert.Contains("Gezinsvoogd bij Gecertificeerde instelling", card, StringComparison.Ordinal);
        Assert.Contains("Ahmed heeft de casusregie en belt het gezin elke week.", card, StringComparison.Ordinal);
        Assert.Contains("Sanne bewaakt het proces namens de gemeente.", card, StringComparison.Ordinal);
        Assert.Contains("Op 23 februari 2027 kijken we samen of de afspraken goed werken.", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AnyKaart_LeavesOutSection2ProposalsAndTheNamesOfOtherProfessionals()
    {
        Kaart kaart = SampleKaarten.Kaart();

        string card = CardText.Of(_card.Build(kaart));

        Assert.DoesNotContain("Elke twee weken een kort overleg via Teams.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Bij zorgen over veiligheid", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Hulpvragen.Sectie2, card, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne de Vries", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Petra Jansen", card, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", card, StringComparison.Ordinal);
        Assert.Contains("Ahmed El Amrani", card, StringComparison.Ordinal);
        Assert.Contains("Jeugdconsulent bij Gemeente", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AanspreekpuntWithoutContact_TellsTheFamilyToAsk()
    {
        string card = CardText.Of(_card.Build(SampleKaarten.Kaart()));

        Assert.Contains("Vraag jullie contactpersoon om een telefoonnummer of e-mailadres.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Bellen of mailen", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ClosedWithHandover_SaysSoInsteadOfAnEvaluation()
    {
        string card = CardText.Of(_card.Build(SampleKaarten.Closed()));

        Assert.Contains("De afspraken zijn afgerond", card, StringComparison.Ordinal);
        Assert.Contains("Een andere hulpverlener houdt nu het overzicht over jullie hulp", card, StringComparison.Ordinal);
        Assert.DoesNotContain("kijken we samen", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UserText_IsInTextRunsOnly()
    {
        Kaart kaart = SampleKaarten.Closed() with { Content = SampleKaarten.Content with { AanspreekpuntId = "p4" } };

        JsonObject card = _card.Build(kaart);

        Assert.DoesNotContain(CardText.OfTextBlocks(card), t => t.Contains("evil.example", StringComparison.Ordinal) || t.Contains("Familie T.", StringComparison.Ordinal));
        Assert.Contains("evil.example", CardText.Of(card), StringComparison.Ordinal);
    }
}
