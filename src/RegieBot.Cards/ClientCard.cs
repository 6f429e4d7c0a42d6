using System.Text.Json.Nodes;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// <c>clientversie</c>: the kaart in plain words (B1) for the family. Their vaste aanspreekpunt and how to reach
/// them, which professions help them (without names), the agreements of section 1 as entered, and when they
/// are evaluated. Section 2 (afstemming between professionals), proposals and confirmations stay internal.
/// </summary>
public sealed class ClientCard(CardTemplates templates)
{
    public JsonObject Build(Kaart kaart) => templates["clientversie"].Expand(Data(kaart));

    /// <summary>What the card shows, also for the printable client version of the personal tab.</summary>
    public static JsonObject Data(Kaart kaart)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        KaartContent content = kaart.Content;
        Professional? contact = content.Aanspreekpunt;
        bool closed = kaart.Status == KaartStatus.Afgesloten;
        DateOnly? datum = content.Datum ?? Domain.Scheduling.DutchCalendar.Today(kaart.UpdatedAt);
        return new JsonObject
        {
            ["casus"] = kaart.Casus,
            ["subtitle"] = $" · afgesproken op {DutchDates.Date(datum)}",
            ["forProfessionals"] =
                "Voor de hulpverleners: dit is een korte uitleg in eenvoudige taal voor het gezin. Bespreek hem samen of geef hem door. " +
                "De afspraken die jullie onderling maken (onderdeel 2) en de namen van de andere hulpverleners staan er niet in.",
            ["hasContactPerson"] = contact is not null,
            ["contactPerson"] = contact is null ? null : new JsonObject
            {
                ["naam"] = contact.Naam,
                ["werk"] = Work(contact),
                ["bereikbaar"] = contact.Contact,
            },
            ["helpers"] = new JsonArray([.. content.Professionals
                .Where(p => p.Id != content.AanspreekpuntId)
                .Select(Work)
                .Where(w => w.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(w => JsonValue.Create(w))]),
            ["afspraken"] = new JsonArray([.. content.Regievoeren.Select(a => JsonValue.Create(a.Text))]),
            ["whenTitle"] = closed ? "De afspraken zijn afgerond" : "Wanneer kijken we of het goed gaat?",
            ["whenLines"] = new JsonArray([.. When(kaart).Select(l => JsonValue.Create(l))]),
            ["closingWho"] = contact?.Naam ?? "een van de hulpverleners",
        };
    }

    private static List<string> When(Kaart kaart)
    {
        if (kaart is { Status: KaartStatus.Afgesloten, Closure: { } closure })
        {
            List<string> lines = [$"De hulpverleners hebben deze afspraken afgesloten op {DutchDates.Day(closure.ClosedAt)}."];
            switch (closure.Criterium)
            {
                case AfschaalCriterium.HulpAdequaatGeorganiseerd:
                    lines.Add("De hulp is nu goed geregeld. Daarom is deze extra samenwerking niet meer nodig.");
                    break;
                case AfschaalCriterium.GezinVoertZelfRegie:
                    lines.Add("Jullie kunnen het nu zelf, of jullie weten zelf de weg naar hulp.");
                    break;
                case AfschaalCriterium.RegieOvergedragen:
                    lines.Add(string.IsNullOrEmpty(closure.OvergedragenAan)
                        ? "Een andere hulpverlener houdt nu het overzicht over jullie hulp."
                        : $"Een andere hulpverlener houdt nu het overzicht over jullie hulp: {closure.OvergedragenAan}.");
                    break;
                default:
                    break;
            }

            return lines;
        }

        return kaart.Content.Evaluatiedatum is { } evaluatie
            ? [$"Op {DutchDates.Date(evaluatie)} kijken we samen of de afspraken goed werken.", "Is er iets nodig? Dan maken we nieuwe afspraken. Dat kan ook eerder."]
            : ["We spreken nog een dag af om samen te kijken of de afspraken goed werken."];
    }

    /// <summary>What someone does, not who: "Jeugdconsulent bij Gemeente".</summary>
    private static string Work(Professional professional) =>
        (professional.Functie.Length, professional.Organisatie.Length) switch
        {
            ( > 0, > 0) => $"{professional.Functie} bij {professional.Organisatie}",
            ( > 0, 0) => professional.Functie,
            (0, > 0) => professional.Organisatie,
            _ => string.Empty,
        };
}
