namespace RegieBot.Domain.Kaarten;

/// <summary>
/// The form "Regiekaart ‘Samenwerken’" as data: its section titles, field labels and guiding questions
/// (hulpvragen), verbatim from the seed. The single source for dialog cards and the kaart.
/// </summary>
public static class Hulpvragen
{
    public const string FormTitle = "Regiekaart ‘Samenwerken’";

    public const string BetrokkenProfessionals = "Betrokken professionals:";
    public const string Naam = "Naam:";
    public const string Functie = "Functie:";
    public const string Organisatie = "Organisatie:";
    public const string Contact = "Telefoonnummer/email:";
    public const string Datum = "Datum:";

    public const string Sectie1 = "1. Gemaakte afspraken over regievoeren";
    public const string Sectie2 = "2. Gemaakte afspraken over de onderlinge afstemming";
    public const string Sectie3 = "3. Deze professional is het vaste aanspreekpunt voor de cliënt";
    public const string Sectie4 = "4. Deze professional houdt zicht op naleving van de gemaakte afspraken en zorgt voor een update bij wijziging van professionals";

    public const string MomentVraag = "Wanneer wordt de regiekaart ingevuld/besproken?";

    public static IReadOnlyList<string> Onderdeel1 { get; } =
    [
        "Welke organisaties zijn op dit moment betrokken? Zitten de juiste organisaties/professionals nu bij elkaar? Of moeten er nog andere organisaties/professionals betrokken worden?",
        "Wat versta je onder regievoeren?",
        "Hoe verhoudt jouw beeld van regievoeren zich tot het beeld dat de andere professionals in deze zaak hebben van regievoeren?",
        "Waar ligt regie? En waarom?",
        "Wat voor soort regie betreft het (casusregie/procesregie)?",
        "Wat betekent het concreet? Welke taken, verantwoordelijkheden en bevoegdheden heb je dan?",
        "En wat verwacht je van de ander?",
        "In hoeverre komt dit overeen met het beeld/de verwachtingen die de andere professionals hier van hebben?",
        "Hoe verhoudt het zich tot elkaar?",
    ];

    public static IReadOnlyList<string> Onderdeel2 { get; } =
    [
        "Wanneer ga je afstemmen met de andere betrokken professionals? Waarom? En op wat voor manier?",
        "Wanneer vind je dat anderen met jou af moeten stemmen? En hoe dient deze afstemming wat jou betreft plaats te vinden? Waarom?",
        "Wat doe je als niet wordt afgestemd terwijl dat naar jouw idee wel nodig was geweest?",
    ];

    public static IReadOnlyList<string> Onderdeel3 { get; } =
    [
        "Vanuit het perspectief van de cliënt, wie van de betrokken professionals kan het beste hun aanspreekpunt zijn? Waarom?",
        "Wat betekent het om aanspreekpunt te zijn? Welke taken, verantwoordelijkheden en bevoegdheden heb je dan?",
        "Welke vragen van cliënten kun je zelf beantwoorden als aanspreekpunt?",
        "Welke vragen van cliënten leg je neer bij de andere betrokken professionals?",
        "Hoe zorg je dat antwoorden uiteindelijk weer bij de cliënt terecht komen?",
        "Hoe verhoudt de regie van de professionals zich tot eigen regie van de cliënt en zijn/haar netwerk? Wat kunnen ze zelf?",
    ];

    /// <summary>The evaluation questions of the seeds, asked at every evaluation moment.</summary>
    public static IReadOnlyList<string> Evaluatie { get; } =
    [
        "Wat was de vraag?",
        "Wat was de bedoeling?",
        "Helpt wat we doen hierbij?",
    ];
}
