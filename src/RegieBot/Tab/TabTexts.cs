namespace RegieBot.Tab;

/// <summary>
/// The Dutch of the personal tab "Mijn regiekaarten": its page labels and sentences, and the timeline's. The form's
/// own titles and labels come from the Cards' <c>KaartFormTexts</c>, as on the kaart card.
/// </summary>
internal static class TabTexts
{
    public const string NotFoundTitle = "Niet gevonden";
    public const string NotFound = "Deze regiekaart bestaat niet, of je staat er niet (meer) op als professional.";
    public const string OverviewTitle = "Mijn regiekaarten";
    public const string OverviewIntro = "Elke regiekaart waarop jij als professional staat. Kaarten met een evaluatie die te laat is staan bovenaan.";
    public const string TeamAndChannel = "Team en kanaal";
    public const string OpenThread = "Open de draad van de casus in Teams";
    public const string MyRole = "Mijn rol";
    public const string Confirmed = "Bevestigd";
    public const string NextEvaluation = "Volgende evaluatie";
    public const string OpenEscalations = "Open escalaties";
    public const string UnansweredEvaluation = "Onbeantwoorde evaluatie";
    public const string None = "Geen";
    public const string EvaluationWaits = "Ja, de evaluatie wacht op antwoord";
    public const string TimelineLegend = "Tijdlijn: ● versie · ◆ evaluatie · ▲ escalatie · • bevestiging";
    public const string ViewKaart = "Kaart bekijken of afdrukken";
    public const string ViewClientVersion = "Clientversie bekijken of afdrukken";
    public const string ConfirmationLabel = "Bevestiging:";
    public const string Late = " (te laat)";
    public const string Yes = "Ja";
    public const string No = "Nee";
    public const string VersionsAndConfirmations = "Versies en bevestigingen";
    public const string Closed = "Afgesloten";
    public const string Active = "Actief";
    public const string NoRegievorm = "geen regievorm";
    public const string AanspreekpuntRole = "aanspreekpunt";
    public const string BewakerRole = "bewaker (houdt zicht op de afspraken)";
    public const string NotYetConfirmed = "Nog niet bevestigd";
    public const string NoneClosed = "Geen: de casus is afgesloten";
    public const string NotYetPlanned = "Nog niet gepland";

    public static string Place(string place) => $"Team en kanaal: {place}";

    public static string Aanleiding(string moment) => $"Aanleiding: {moment}";

    public static string ConfirmedOn(string moment) => $"Ja, op {moment}";

    public static string ClosedOn(string day) => $"Afgesloten op {day}";

    public static string RoleConfirmedOn(string name, string moment) => $"{name}: rol bevestigd op {moment}";

    public static string Footer(string date) => $"Uit RegieBot, {date}. Vertrouwelijk: alleen voor het dossier van de betrokken organisaties.";

    // The timeline.
    public const string RoleConfirmed = "Rol bevestigd";
    public const string Escalated = "Opgeschaald";
    public const string EvaluationAsked = "Evaluatie gevraagd";
    public const string EvaluationAskedUnanswered = "Evaluatie gevraagd, nog niet beantwoord";
    public const string EvaluationLate = "Evaluatie (te laat)";
    public const string TimelinePrefix = "Tijdlijn: ";

    public static string EvaluationKept(int version) => $"Evaluatie: afspraken blijven staan (versie {version})";
}
