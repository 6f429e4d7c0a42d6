using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// Opschalen: @mentions the procesregisseur (the professional holding procesregie) or, without one, the
/// bewaker, says why, and proposes an overleg.
/// </summary>
public sealed class EscalationCard(CardTemplates templates)
{
    /// <summary>The professional an escalation goes to.</summary>
    public static Professional? Recipient(KaartContent content) => Escalation.RecipientOn(content);

    public JsonObject Build(Kaart kaart, string who, string reden)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        Professional? recipient = Recipient(kaart.Content);
        (string mention, JsonArray entities) = Mentions.Of([recipient]);
        string call = recipient switch
        {
            null => "Er is geen procesregisseur en geen bewaker op de kaart: spreek samen af wie het overleg organiseert.",
            { Regievorm: Regievorm.Procesregie } => $"{mention}, jij bent procesregisseur: wil je de betrokken professionals bij elkaar roepen?",
            _ => $"{mention}, er is geen procesregisseur op de kaart en jij houdt zicht op de afspraken: wil je de betrokken professionals bij elkaar roepen?",
        };
        return templates["opschalen"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["who"] = who,
            ["reden"] = reden,
            ["call"] = call,
            ["mentions"] = entities,
        });
    }
}
