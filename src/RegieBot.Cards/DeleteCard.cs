using System.Globalization;
using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary><c>verwijderen</c>: the explicit question before a casus is deleted at once, and its answers.</summary>
public sealed class DeleteCard(CardTemplates templates)
{
    public const string Verb = "verwijderenBevestigen";
    public const string CancelVerb = "verwijderenAnnuleren";
    public const string AskedAtField = "gevraagdOp";

    private static readonly string[] Explanation =
    [
        "Alles wat RegieBot over deze casus heeft opgeslagen wordt meteen en definitief verwijderd: de regiekaart met alle versies, de bevestigingen en voorgestelde wijzigingen, de afsluiting, de herinneringen en wat nog werd ingevuld.",
        "De kaarten van RegieBot in deze draad worden vervangen door een korte melding. Dit kan niet ongedaan worden gemaakt.",
        "Wil je eerst een kopie voor het dossier? Typ dan eerst @RegieBot export.",
        OwnMessages,
    ];

    /// <summary>Teams lets a bot change or delete only the messages it sent itself: what people wrote stays until they delete it.</summary>
    public const string OwnMessages =
        "Berichten die jullie zelf in deze draad schreven, zoals het bericht met @RegieBot start en de naam van de casus, kan RegieBot niet verwijderen: Teams laat een bot alleen zijn eigen berichten aanpassen. Verwijder die zelf in Teams.";

    /// <param name="askedAt">When the question was asked; an answer long after that is refused.</param>
    public JsonObject Ask(string kaartId, string casus, DateTimeOffset askedAt) => Build(kaartId, casus, open: true, Explanation, string.Empty, askedAt);

    public JsonObject Cancelled(string kaartId, string casus) =>
        Build(kaartId, casus, open: false, [], "Verwijderen geannuleerd: er is niets verwijderd.", null);

    public JsonObject Expired(string kaartId, string casus) =>
        Build(kaartId, casus, open: false, [], "Deze vraag is verlopen; er is niets verwijderd. Typ @RegieBot verwijderen om het opnieuw te vragen.", null);

    private JsonObject Build(string kaartId, string casus, bool open, IEnumerable<string> lines, string state, DateTimeOffset? askedAt)
    {
        ArgumentNullException.ThrowIfNull(kaartId);
        ArgumentNullException.ThrowIfNull(casus);
        return templates["verwijderen"].Expand(new JsonObject
        {
            ["kaartId"] = kaartId,
            ["casus"] = casus,
            ["isOpen"] = open,
            ["lines"] = new JsonArray([.. lines.Select(l => JsonValue.Create(l))]),
            ["stateText"] = state,
            ["askedAt"] = askedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        });
    }
}
