using System.Text.Json.Nodes;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// The evaluation card posted on the evaluatiedatum: @mentions the bewaker and the aanspreekpunt, asks the
/// seed's evaluation questions and offers the four ways forward. Once answered it shows who did what.
/// </summary>
public sealed class EvaluationCard(CardTemplates templates)
{
    public const string Verb = "evaluatie";

    public JsonObject Build(Kaart kaart, string? handled = null)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        (string mention, JsonArray entities) = Mentions.Of([kaart.Content.Bewaker, kaart.Content.Aanspreekpunt], mention: handled is null);
        return templates["evaluatie"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["evaluatiedatum"] = DutchDates.Date(kaart.Content.Evaluatiedatum),
            ["call"] = mention.Length == 0 ? string.Empty : $"{mention}: het is tijd om de afspraken van deze regiekaart te evalueren.",
            ["vragen"] = new JsonArray([.. Hulpvragen.Evaluatie.Select(v => JsonValue.Create(v))]),
            ["handled"] = handled ?? string.Empty,
            ["mentions"] = entities,
        });
    }
}
