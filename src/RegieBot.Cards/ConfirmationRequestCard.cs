using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// "Vraag om bevestiging" from the channel tab: posted in the kaart's thread, it @mentions the linked professionals who
/// have not confirmed their role yet, and only them.
/// </summary>
public sealed class ConfirmationRequestCard(CardTemplates templates)
{
    public JsonObject Build(Kaart kaart, IReadOnlyList<Professional> unconfirmed)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(unconfirmed);
        (string mention, JsonArray entities) = Mentions.Of(unconfirmed);
        return templates["bevestiging"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["call"] = $"{mention}: je staat op de regiekaart van deze casus, maar je hebt je rol nog niet bevestigd.",
            ["mentions"] = entities,
        });
    }
}
