namespace RegieBot.Cards;

/// <summary>
/// The section titles and labels of the seed form as the regiekaart card (<c>cards/regiekaart.json</c>) and the
/// client version (<c>cards/clientversie.json</c>) show them, for the printable pages of the personal tab. A test
/// checks that each one appears verbatim in its card.
/// </summary>
public static class KaartFormTexts
{
    public const string Title = "Regiekaart ‘Samenwerken’";
    public const string Casus = "Casus: ";
    public const string Professionals = "Betrokken professionals:";
    public const string Naam = "Naam: ";
    public const string Functie = "Functie: ";
    public const string Organisatie = "Organisatie: ";
    public const string Contact = "Telefoonnummer/email: ";
    public const string Section1 = "1. Gemaakte afspraken over regievoeren";
    public const string Section2 = "2. Gemaakte afspraken over de onderlinge afstemming";
    public const string Section3 = "3. Deze professional is het vaste aanspreekpunt voor de cliënt";
    public const string Section4 = "4. Deze professional houdt zicht op naleving van de gemaakte afspraken en zorgt voor een update bij wijziging van professionals";
    public const string Datum = "Datum:";
    public const string Evaluatiedatum = "Evaluatiedatum:";
    public const string Besproken = "Besproken met cliënt:";

    public const string ClientTitle = "Afspraken over jullie hulp";
    public const string ClientFor = "Voor: ";
    public const string ClientContactTitle = "Jullie vaste contactpersoon";
    public const string ClientNoContact = "Er is nog geen vaste contactpersoon gekozen. Vraag het aan een van de hulpverleners.";
    public const string ClientContactIs = " is jullie vaste contactpersoon. Met al jullie vragen kunnen jullie bij deze persoon terecht. Weet iemand anders het antwoord? Dan zorgt jullie contactpersoon dat jullie het antwoord krijgen.";
    public const string ClientWorksAs = "Werkt als: ";
    public const string ClientReach = "Bellen of mailen: ";
    public const string ClientNoReach = "Vraag jullie contactpersoon om een telefoonnummer of e-mailadres.";
    public const string ClientHelpersTitle = "Wie helpen jullie nog meer?";
    public const string ClientAgreementsTitle = "Wat hebben we afgesproken?";
    public const string ClientNoAgreements = "Er zijn nog geen afspraken opgeschreven.";
    public const string ClientQuestion = "Klopt er iets niet, of heb je een vraag? Zeg het tegen ";

    /// <summary>The card each group of texts comes from, for the test that keeps them verbatim.</summary>
    public static IReadOnlyDictionary<string, string[]> ByCard { get; } = new Dictionary<string, string[]>
    {
        ["regiekaart"] = [Title, Casus, Professionals, Naam, Functie, Organisatie, Contact, Section1, Section2, Section3, Section4, Datum, Evaluatiedatum, Besproken],
        ["clientversie"] = [ClientTitle, ClientFor, ClientContactTitle, ClientNoContact, ClientContactIs, ClientWorksAs, ClientReach, ClientNoReach, ClientHelpersTitle, ClientAgreementsTitle, ClientNoAgreements, ClientQuestion],
    };
}
