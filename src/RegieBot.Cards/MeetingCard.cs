using System.Text.Json.Nodes;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// The casusoverleg as a Teams meeting in the kaart's thread: when it starts, the kaart's essentials (aanspreekpunt,
/// bewaker, who has not confirmed, open escalations, next evaluation) with a button that opens the kaart; when it
/// ends, whether the agreements changed, with the evaluation card's own "Regiekaart bijwerken" and "Afspraken
/// blijven staan".
/// </summary>
public sealed class MeetingCard(CardTemplates templates)
{
    public JsonObject Started(KaartSnapshot snapshot, IReadOnlyList<Escalation> openEscalations)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(openEscalations);
        Kaart kaart = snapshot.Kaart;
        string unconfirmed = string.Join(", ", snapshot.State.Unconfirmed.Select(p => p.Naam));
        string escalations = openEscalations.Count == 0 ? "geen"
            : string.Join("; ", openEscalations.Select(e => $"{DutchDates.Moment(e.At)}: {KaartDiff.Shorten(e.Reason)}"));
        return Build(kaart, "Casusoverleg: de regiekaart", ended: false,
        [
            ("Vast aanspreekpunt", kaart.Content.Aanspreekpunt?.Naam ?? "–"),
            ("Bewaker van de afspraken", kaart.Content.Bewaker?.Naam ?? "–"),
            ("Rol nog niet bevestigd", unconfirmed.Length == 0 ? "niemand" : unconfirmed),
            ("Open escalaties", escalations),
            ("Volgende evaluatie", DutchDates.Date(kaart.Content.Evaluatiedatum)),
        ]);
    }

    public JsonObject Ended(Kaart kaart) => Build(kaart, "Casusoverleg afgelopen", ended: true, []);

    private JsonObject Build(Kaart kaart, string title, bool ended, (string Label, string Value)[] facts)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return templates["overleg"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["title"] = title,
            ["versionText"] = $" · versie {kaart.Version}",
            ["ended"] = ended,
            ["facts"] = new JsonArray([.. facts.Select(f => new JsonObject { ["label"] = f.Label, ["value"] = f.Value })]),
        });
    }
}
