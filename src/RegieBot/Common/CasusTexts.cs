using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Common;

/// <summary>Dutch sentences every feature of a casus shares: where a casus is (not), and what is said of a removed one.</summary>
internal static class CasusTexts
{
    public const string NoKaartHere =
        "Er is hier nog geen regiekaart. Start er een met: @RegieBot start gevolgd door de casus, bijvoorbeeld: @RegieBot start Familie T.";

    public const string NoKaartInThread =
        "In deze draad staat geen regiekaart: er is hier nooit een gemaakt, of hij is verwijderd. De regiekaarten van dit kanaal zie je met een nieuw bericht in het kanaal (niet in een draad): @RegieBot kaart.";

    public static string Several(IEnumerable<string> casussen) =>
        "In dit kanaal staan meerdere regiekaarten: " + string.Join(", ", casussen) + ". Typ @RegieBot kaart in de draad van de casus.";

    /// <summary>Your kaarten when there are none: the answer to <c>overzicht</c>, and the tab.</summary>
    public const string NoKaartsForYou =
        "Je staat nog op geen enkele regiekaart als professional. Een collega kan je toevoegen in het kanaal van de casus.";

    public const string InChannelOnly = "Typ dit commando in het kanaal van de casus. Hier zie je met overzicht al jouw regiekaarten.";

    /// <summary>Replaces the bot's text messages about a casus once it is deleted; names nothing of it.</summary>
    public static string RemovedText(string notice) => notice + " RegieBot bewaart niets meer van deze casus.";

    public const string RemovedFallbackNotice = "Deze regiekaart is verwijderd.";

    public const string ChangedMeanwhile = "Er veranderde net iets aan deze regiekaart. Probeer het nog eens.";

    public static string Closed(string casus) => $"De casus {casus} is afgesloten; de regiekaart kan niet meer worden bijgewerkt.";

    public const string NoSavedKaart =
        "De regiekaart van deze casus is nog niet opgeslagen. Rond eerst het invullen af (de stap staat in deze draad), of typ @RegieBot annuleren.";
}
