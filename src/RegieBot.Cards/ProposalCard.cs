using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>The message in the thread when someone proposes a change: it @mentions the bewaker.</summary>
public sealed class ProposalCard(CardTemplates templates)
{
    public JsonObject Build(Kaart kaart, string who, string voorstel)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        Professional? bewaker = kaart.Content.Bewaker;
        (string mention, JsonArray entities) = Mentions.Of([bewaker]);
        string call = bewaker switch
        {
            null => "Bespreek het voorstel en werk de kaart bij met 'Regiekaart bijwerken'.",
            { IsLinked: true } => $"{mention}, jij houdt zicht op de afspraken: bespreek het voorstel en werk de kaart bij met 'Regiekaart bijwerken'.",
            _ => $"{mention} houdt zicht op de afspraken maar staat niet in Teams: bespreek het voorstel samen en werk de kaart bij met 'Regiekaart bijwerken'.",
        };

        return templates["wijziging"].Expand(new JsonObject
        {
            ["casus"] = kaart.Casus,
            ["who"] = who,
            ["voorstel"] = voorstel,
            ["call"] = call,
            ["mentions"] = entities,
        });
    }
}
