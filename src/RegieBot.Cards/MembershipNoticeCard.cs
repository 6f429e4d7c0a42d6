using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary>"Betrokkenheid gewijzigd": posted in a kaart's thread when members join or leave the team.</summary>
public sealed class MembershipNoticeCard(CardTemplates templates)
{
    public JsonObject Build(string kaartId, string casus, IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return templates["betrokkenheid"].Expand(new JsonObject
        {
            ["kaartId"] = kaartId,
            ["casus"] = casus,
            ["changes"] = new JsonArray([.. changes.Select(c => JsonValue.Create(c))]),
        });
    }
}
