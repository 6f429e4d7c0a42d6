using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Dialog;

/// <summary>Dutch sentences of the guided dialog that are not on its step card.</summary>
internal static class DialogTexts
{
    public const string OnlyInChannel =
        "Een regiekaart maak je samen met je collega's in een kanaal van jullie team. Typ daar: @RegieBot start Familie T.";

    public const string NothingToCancel = "Er loopt in deze draad geen regiekaart die nog wordt ingevuld.";

    public static string Cancelled(bool update) => update
        ? Cards.DialogCard.UpdateCancelledText
        : "De regiekaart is geannuleerd; er is niets opgeslagen.";

    public const string Started = "Het bijwerken is gestart: de stappen staan in deze draad.";

    public static string Resumed(string casus) =>
        $"In deze draad loopt het gesprek over de regiekaart van {casus} al. Hieronder staat de stap waar jullie gebleven waren.";

    public static string ThreadTaken(string casus) =>
        $"In deze draad staat al de regiekaart van {casus}. Typ @RegieBot kaart om hem te zien, of begin een nieuw bericht in het kanaal voor een andere casus.";

    public static string UpdateWhileOpen(string casus) =>
        $"De regiekaart van {casus} wordt al bijgewerkt: ga verder met de stap in deze draad, of typ @RegieBot annuleren.";

    public const string CancelledNotice = "Deze regiekaart is geannuleerd voordat hij werd opgeslagen.";
}
