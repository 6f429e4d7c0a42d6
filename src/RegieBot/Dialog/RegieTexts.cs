using RegieBot.Domain.Kaarten;

namespace RegieBot.Dialog;

/// <summary>Dutch sentences of the regie conversation that are not on a card.</summary>
internal static class RegieTexts
{
    public const string OnlyInChannel =
        "Een regiekaart maak je samen met je collega's in een kanaal van jullie team. Typ daar: @RegieBot start Familie T.";

    public const string NoKaartHere =
        "Er is hier nog geen regiekaart. Start er een met: @RegieBot start gevolgd door de casus, bijvoorbeeld: @RegieBot start Familie T.";

    public const string KaartGone = "Deze regiekaart bestaat niet meer.";

    public const string WrongConversation = "Deze kaart hoort bij een ander gesprek.";

    public const string NothingToCancel = "Er loopt in deze draad geen regiekaart die nog wordt ingevuld.";

    public const string ChangedMeanwhile = "Er veranderde net iets aan deze regiekaart. Probeer het nog eens.";

    public static string Cancelled(bool update) => update
        ? "Het bijwerken is geannuleerd; de regiekaart is niet veranderd."
        : "De regiekaart is geannuleerd; er is niets opgeslagen.";

    public const string Started = "Het bijwerken is gestart: de stappen staan in deze draad.";

    public const string NoKaartsForYou =
        "Je staat nog op geen enkele regiekaart als professional. Een collega kan je toevoegen in het kanaal van de casus.";

    public static string ThreadTaken(string casus) =>
        $"In deze draad staat al de regiekaart van {casus}. Typ @RegieBot kaart om hem te zien, of begin een nieuw bericht in het kanaal voor een andere casus.";

    public static string StillOpen(string casus, int step) =>
        $"De regiekaart van {casus} wordt nog ingevuld (stap {step} van 7). De stap staat hieronder; iedereen in het kanaal kan verder gaan.";

    public static string Several(IEnumerable<string> casussen) =>
        "In dit kanaal staan meerdere regiekaarten: " + string.Join(", ", casussen) + ". Typ @RegieBot kaart in de draad van de casus.";

    public static string UpdateWhileOpen(string casus) =>
        $"De regiekaart van {casus} wordt al bijgewerkt: ga verder met de stap in deze draad, of typ @RegieBot annuleren.";

    public static string Closed(string casus) => $"De casus {casus} is afgesloten; de regiekaart kan niet meer worden bijgewerkt.";

    public static string Status(Kaart kaart) =>
        $"Regiekaart {kaart.Casus}: versie {kaart.Version}, opgeslagen op {Cards.KaartCard.FormatDate(DateOnly.FromDateTime(kaart.UpdatedAt.UtcDateTime))}. "
        + $"Vast aanspreekpunt: {kaart.Content.Aanspreekpunt?.Naam ?? "–"}. Zicht op de afspraken: {kaart.Content.Bewaker?.Naam ?? "–"}. "
        + (kaart.Status == KaartStatus.Afgesloten ? "De casus is afgesloten." : $"Volgende evaluatie: {Cards.KaartCard.FormatDate(kaart.Content.Evaluatiedatum)}.");

    public static string Overzicht(IEnumerable<MemberKaart> kaarten) =>
        "Jouw regiekaarten:\n\n" + string.Join('\n', kaarten.Select(k =>
            $"• {k.Casus} — " + (k.Status == KaartStatus.Afgesloten ? "afgesloten" : $"volgende evaluatie: {Cards.KaartCard.FormatDate(k.Evaluatiedatum)}")));
}
