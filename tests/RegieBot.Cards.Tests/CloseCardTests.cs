using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

public sealed class CloseCardTests
{
    private readonly CloseCard _card = new(new CardTemplates());

    [Fact]
    public void Ask_OffersTheThreeCriteriaOfTheSeedAndAskToWhom()
    {
        JsonObject card = _card.Ask(SampleKaarten.Kaart(), [], null);

        JsonObject choices = card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e["id"] == CloseCard.CriteriumField);
        Assert.Equal(AfschaalCriteria.Text.Values, choices["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        Assert.Contains(card["body"]!.AsArray(), e => (string?)e!["id"] == CloseCard.OvergedragenAanField);
        Assert.Equal([CloseCard.Verb, CloseCard.CancelVerb], CardActions.Of(card).Select(a => (string)a!["verb"]!));
    }

    [Fact]
    public void Closed_ShowsCriteriumHandoverAndDeletionDateWithoutActions()
    {
        JsonObject card = _card.Closed(SampleKaarten.Closed(), "Sanne de Vries");

        string json = CardText.Of(card);
        Assert.Contains(AfschaalCriteria.Text[AfschaalCriterium.RegieOvergedragen], json, StringComparison.Ordinal);
        Assert.Contains("Petra Jansen, gezinsvoogd", json, StringComparison.Ordinal);
        Assert.Contains("23 maart 2027 automatisch verwijderd", json, StringComparison.Ordinal);
        Assert.Empty(CardActions.Of(card));
    }
}
