using System.Text.Json.Nodes;
using RegieBot.Domain;

namespace RegieBot.Cards;

/// <summary>What replaces the bot's cards in Teams once a casus is deleted. It names nothing of the casus.</summary>
public sealed class RemovedCard(CardTemplates templates)
{
    public JsonObject Build(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return templates["verwijderd"].Expand(new JsonObject { ["text"] = text });
    }

    /// <summary>By <c>verwijderen</c>.</summary>
    public static string DeletedText(DateTimeOffset at) =>
        $"Deze regiekaart is verwijderd op {DutchDates.Day(at)} door een collega.";

    /// <summary>By the retention job, after the retention period following <c>afsluiten</c>.</summary>
    public static string ExpiredText(DateTimeOffset at) =>
        $"Deze regiekaart is automatisch verwijderd op {DutchDates.Day(at)}: de bewaartermijn na het afsluiten van de casus was voorbij.";
}
