namespace RegieBot.Domain.Commands;

/// <summary>
/// The commands of the product contract, with their Dutch descriptions. The single list for help and manifest.
/// Every casus command works in a team's channel only (a kaart is made and lives there): a group chat is offered help.
/// </summary>
public static class BotCommands
{
    public static BotCommand Start { get; } = new("start", "<casus>", "Start een regiekaart voor een casus, bijvoorbeeld: start Familie T.", CommandScopes.Team);
    public static BotCommand Kaart { get; } = new("kaart", null, "Laat de huidige regiekaart van deze draad of dit kanaal zien.", CommandScopes.Team);
    public static BotCommand Bijwerken { get; } = new("bijwerken", null, "Werk de regiekaart bij: dezelfde stappen, al ingevuld.", CommandScopes.Team);
    public static BotCommand Evaluatie { get; } = new("evaluatie", null, "Evalueer de afspraken nu.", CommandScopes.Team);
    public static BotCommand Annuleren { get; } = new("annuleren", null, "Stop het invullen van de regiekaart in deze draad; er wordt niets opgeslagen.", CommandScopes.Team);
    public static BotCommand Status { get; } = new("status", null, "Wie heeft zijn rol bevestigd, en wanneer is de volgende evaluatie?", CommandScopes.Team);
    public static BotCommand Geschiedenis { get; } = new("geschiedenis", null, "Bekijk de versies van de regiekaart: wie wijzigde wat, en wanneer.", CommandScopes.Team);
    public static BotCommand Opschalen { get; } = new("opschalen", null, "Loopt de uitvoering of samenwerking vast? Schaal op naar de procesregisseur.", CommandScopes.Team);
    public static BotCommand Afsluiten { get; } = new("afsluiten", null, "Sluit de casus af; er komen geen herinneringen meer.", CommandScopes.Team);
    public static BotCommand Clientversie { get; } = new("clientversie", null, "Een korte versie van de afspraken voor het gezin.", CommandScopes.Team);
    public static BotCommand Export { get; } = new("export", null, "Alles wat over deze casus is opgeslagen, als document (inzageverzoek).", CommandScopes.Team);
    public static BotCommand Verwijderen { get; } = new("verwijderen", null, "Verwijder deze casus meteen en volledig (met bevestiging).", CommandScopes.Team);
    public static BotCommand Overzicht { get; } = new("overzicht", null, "Jouw regiekaarten, met de volgende evaluatiedatum.", CommandScopes.Personal);
    public static BotCommand Help { get; } = new("help", null, "Laat deze lijst met commando's zien.", CommandScopes.All);

    public static IReadOnlyList<BotCommand> All { get; } =
        [Start, Kaart, Annuleren, Bijwerken, Evaluatie, Status, Geschiedenis, Opschalen, Afsluiten, Clientversie, Export, Verwijderen, Overzicht, Help];
}
