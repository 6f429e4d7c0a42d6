namespace RegieBot.Bot;

/// <summary>The bot's Dutch sentences that are not part of a card template.</summary>
internal static class Texts
{
    public const string Apology =
        "Sorry, er ging iets mis bij RegieBot. Probeer het over een ogenblik nog eens.";

    public const string ActionApology = "Er ging iets mis bij het verwerken van deze actie. Probeer het over een ogenblik nog eens.";

    public const string UnknownAction = "Deze knop kent RegieBot niet (meer). Typ help voor de commando's.";

    public static string UnknownCommand(string command) =>
        $"Het commando '{command}' ken ik niet. Typ help voor de lijst met commando's.";

    public static string NotYetAvailable(string command) =>
        $"Het commando '{command}' is nog niet beschikbaar in deze versie van RegieBot. Typ **help** voor de lijst met commando's.";

    public const string EmptyMessage = "Ik hoorde je roepen. Typ **help** voor de lijst met commando's.";
}
