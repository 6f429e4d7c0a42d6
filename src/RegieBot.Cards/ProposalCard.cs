using System.Net;
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
        JsonArray mentions = [];
        string call;
        if (bewaker is { IsLinked: true, TeamsUserId: { } teamsId })
        {
            // The entity text must equal the <at> text in the card exactly; the name is XML-escaped inside <at>.
            string at = $"<at>{WebUtility.HtmlEncode(bewaker.Naam)}</at>";
            mentions.Add(new JsonObject { ["text"] = at, ["id"] = teamsId, ["name"] = bewaker.Naam });
            call = $"{at}, jij houdt zicht op de afspraken: bespreek het voorstel en werk de kaart bij met 'Regiekaart bijwerken'.";
        }
        else
        {
            call = bewaker is null
                ? "Bespreek het voorstel en werk de kaart bij met 'Regiekaart bijwerken'."
                : "De professional die zicht houdt op de afspraken staat niet in Teams: bespreek het voorstel samen en werk de kaart bij met 'Regiekaart bijwerken'.";
        }

        return templates["wijziging"].Expand(new JsonObject
        {
            ["casus"] = kaart.Casus,
            ["who"] = who,
            ["voorstel"] = voorstel,
            ["call"] = call,
            ["mentions"] = mentions,
        });
    }
}
