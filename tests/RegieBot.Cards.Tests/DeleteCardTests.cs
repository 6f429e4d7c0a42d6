using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

public sealed class DeleteCardTests
{
    private readonly DeleteCard _card = new(new CardTemplates());

    /// <summary>
    /// Teams lets a bot update or delete only the messages it sent; the message a person typed to start the kaart (with
    /// the casus's name) stays. The question says so before anyone answers, so nobody thinks it is gone.
    /// </summary>
    [Fact]
    public void Ask_SaysThatPeoplesOwnMessagesStayAndMustBeDeletedByThem()
    {
        JsonObject card = _card.Ask("k1", "Familie T.", SampleKaarten.Now);

        string text = CardText.Of(card);
        Assert.Contains("kan RegieBot niet verwijderen", text, StringComparison.Ordinal);
        Assert.Contains("Verwijder die zelf in Teams.", text, StringComparison.Ordinal);
        Assert.Equal([DeleteCard.Verb, DeleteCard.CancelVerb], CardActions.Of(card).Select(a => (string)a!["verb"]!));
    }
}
