using System.Globalization;

namespace RegieBot.Tab;

/// <summary>The Dutch of the channel tab "Regie in dit kanaal": its labels, signals and answers.</summary>
internal static class ChannelTabTexts
{
    public const string Title = "Regie in dit kanaal";
    public const string Intro = "De regiekaarten van dit kanaal, met de vragen uit de handreiking: is er een plan dat iedereen draagt, houdt iemand zicht, is de evaluatie op tijd, loopt iets vast, zijn er professionals weggevallen? Wat aandacht vraagt staat bovenaan.";
    public const string NotFound = "Dit kanaal heeft geen regiekaarten die jij kunt zien. Alleen leden van het kanaal zien de regiekaarten ervan.";
    public const string GedragenPlan = "Gedragen plan";
    public const string IemandHoudtZicht = "Iemand houdt zicht";
    public const string Evaluatie = "Evaluatie";
    public const string Vastgelopen = "Vastgelopen";
    public const string Wijzigingen = "Wijzigingen";
    public const string Status = "Status";
    public const string LastVersion = "Laatste versie";
    public const string NoLinked = "Geen professionals gekoppeld aan Teams";
    public const string AllConfirmed = "iedereen heeft bevestigd";
    public const string NoEscalation = "Niets opgeschaald";
    public const string NobodyLeft = "Niemand uit het kanaal vertrokken";
    public const string NoBewaker = "Geen bewaker";
    public const string NoAanspreekpunt = "geen aanspreekpunt";
    public const string NotPlanned = "Nog niet gepland";
    public const string NoneClosed = "Geen: de casus is afgesloten";
    public const string EvaluationWaitsTooLong = "evaluatie gevraagd, al meer dan een week geen antwoord";
    public const string Late = "te laat";
    public const string AskConfirmation = "Vraag om bevestiging";
    public const string AttentionLabel = "Vraagt aandacht";
    public const string Posted = "De vraag om bevestiging staat in de draad van de casus.";
    public const string AlreadyToday = "Er is vandaag al om bevestiging gevraagd. Dat kan één keer per dag.";
    public const string NobodyToAsk = "Er is niemand meer die zijn rol nog moet bevestigen.";

    public static string Confirmed(int confirmed, int linked) => $"{confirmed} van {linked} bevestigd";

    public static string NotYet(string names) => $"nog niet: {names}";

    public static string Watching(string bewaker, bool bewakerConfirmed, string aanspreekpunt, bool aanspreekpuntConfirmed) =>
        $"Bewaker: {bewaker}{(bewakerConfirmed ? " (bevestigd)" : " (niet bevestigd)")} · aanspreekpunt: {aanspreekpunt}{(aanspreekpuntConfirmed ? " (bevestigd)" : " (niet bevestigd)")}";

    public static string Escalation(string since, string to) => $"Opgeschaald op {since}, naar {to}";

    public static string LeftChannel(string names) => $"Niet meer in het kanaal: {names}. Controleer de afspraken.";

    public static string Counts(int late, int escalations, int unconfirmed, int left) =>
        string.Join(" · ",
            Count(late, "kaart met een evaluatie te laat", "kaarten met een evaluatie te laat"),
            Count(escalations, "escalatie open", "escalaties open"),
            Count(unconfirmed, "rol niet bevestigd", "rollen niet bevestigd"),
            Count(left, "professional uit het kanaal vertrokken", "professionals uit het kanaal vertrokken"));

    public static string AskFor(string casus) => $"Vraag om bevestiging voor {casus}";

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
