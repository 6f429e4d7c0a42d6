using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// @mentions of linked professionals in a card: the <c>&lt;at&gt;</c> text for the card and the entity for
/// <c>msteams.entities</c>, whose text must match exactly. External professionals are named, not mentioned.
/// The text is for a TextBlock (Teams finds mentions only there), so every name in it is markdown-escaped; inside
/// <c>&lt;at&gt;</c> that also keeps a name from closing the tag, and no HTML entity is needed (Teams would show
/// <c>d&amp;#39;Hondt</c> as typed).
/// </summary>
internal static class Mentions
{
    /// <summary>
    /// With <paramref name="mention"/> false every professional is named in plain text and there are no entities:
    /// Teams shows an <c>&lt;at&gt;</c> tag without its entity literally.
    /// </summary>
    public static (string Text, JsonArray Entities) Of(IEnumerable<Professional?> professionals, bool mention = true)
    {
        JsonArray entities = [];
        List<string> names = [];
        foreach (Professional professional in professionals.OfType<Professional>().DistinctBy(p => p.Id))
        {
            if (mention && professional is { IsLinked: true, TeamsUserId: { } teamsId })
            {
                string at = $"<at>{MarkdownText.Escape(professional.Naam)}</at>";
                entities.Add(new JsonObject { ["text"] = at, ["id"] = teamsId, ["name"] = professional.Naam });
                names.Add(at);
            }
            else
            {
                names.Add(MarkdownText.Escape(professional.Naam));
            }
        }

        return (names.Count switch
        {
            0 => string.Empty,
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " en " + names[^1],
        }, entities);
    }
}
