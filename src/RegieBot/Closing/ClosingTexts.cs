using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Closing;

/// <summary>Dutch sentences of closing a casus (afsluiten) that are not on the close card.</summary>
internal static class ClosingTexts
{
    public static string AlreadyClosed(string casus) => $"De casus {casus} is al afgesloten.";

    public static string CloseWhileUpdating(string casus) =>
        $"De regiekaart van {casus} wordt nog bijgewerkt. Rond dat eerst af, of typ @RegieBot annuleren, en sluit de casus daarna af.";

    public const string CloseAsked = "De vraag om de casus af te sluiten staat in de draad van de casus.";

    /// <summary>On the close card when no afschaal-criterion was chosen.</summary>
    public const string ChooseCriterion = "Kies het criterium dat van toepassing is.";

    /// <summary>Who the regie went to, as its validation message names it.</summary>
    public const string OvergedragenAanLabel = "Aan wie de regie is overgedragen";
}
