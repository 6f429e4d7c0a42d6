using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>The card the bot introduces itself with, once, when it is added to a team, chat or personal chat.</summary>
public sealed class WelcomeCard(CardTemplates templates)
{
    public JsonObject Build(bool personal)
    {
        JsonObject data = new()
        {
            // The seed form's four moments ("Wanneer wordt de regiekaart ingevuld/besproken?"), verbatim and in its order.
            ["moments"] = new JsonArray([.. Moments.Text.OrderBy(m => m.Key).Select(m => JsonValue.Create(m.Value))]),
            ["startHint"] = personal
                ? "Een regiekaart maak je samen met je collega's in het kanaal van jullie team: typ daar **@RegieBot start** gevolgd door de casus. Hier, in de persoonlijke chat, zie je met **overzicht** jouw regiekaarten."
                : "Typ in dit kanaal **@RegieBot start** gevolgd door de casus, bijvoorbeeld: @RegieBot start Familie T. RegieBot opent dan een draad en loopt met jullie de regiekaart door.",
        };
        return templates["welkom"].Expand(data);
    }
}
