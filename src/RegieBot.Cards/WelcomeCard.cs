using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary>The card the bot introduces itself with, once, when it is added to a team, chat or personal chat.</summary>
public sealed class WelcomeCard(CardTemplates templates)
{
    /// <summary>The seed form's four moments ("Wanneer wordt de regiekaart ingevuld/besproken?"), verbatim.</summary>
    public static IReadOnlyList<string> Moments { get; } =
    [
        "Als meerdere instanties betrokken zijn bij een gezin (een complexe situatie).",
        "Als er onduidelijkheid is wie regie heeft (dat kan op meerdere momenten in dezelfde casus).",
        "Als er in een casus professionals bijkomen of wegvallen: wat betekent dit voor de gemaakte afspraken?",
        "Op evaluatie momenten.",
    ];

    public JsonObject Build(bool personal)
    {
        JsonObject data = new()
        {
            ["moments"] = new JsonArray([.. Moments.Select(m => JsonValue.Create(m))]),
            ["startHint"] = personal
                ? "Een regiekaart maak je samen met je collega's in het kanaal van jullie team: typ daar **@RegieBot start** gevolgd door de casus. Hier, in de persoonlijke chat, zie je met **overzicht** jouw regiekaarten."
                : "Typ in dit kanaal **@RegieBot start** gevolgd door de casus, bijvoorbeeld: @RegieBot start Familie T. RegieBot opent dan een draad en loopt met jullie de regiekaart door.",
        };
        return templates["welkom"].Expand(data);
    }
}
