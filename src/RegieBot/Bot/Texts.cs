namespace RegieBot.Bot;

/// <summary>The bot's Dutch sentences that are not part of a card template.</summary>
internal static class Texts
{
    public const string Apology =
        "Sorry, er ging iets mis bij RegieBot. Probeer het over een ogenblik nog eens.";

    public const string ActionApology = "Er ging iets mis bij het verwerken van deze actie. Probeer het over een ogenblik nog eens.";

    public const string TimedOut = "Sorry, dat duurde te lang voor RegieBot. Probeer het over een ogenblik nog eens.";

    public const string ActionTimedOut = "Dat duurde te lang. Probeer het over een ogenblik nog eens.";

    public const string UnknownAction = "Deze knop kent RegieBot niet (meer). Typ help voor de commando's.";

    public static string UnknownCommand(string command) =>
        $"Het commando '{command}' ken ik niet. Typ help voor de lijst met commando's.";

    public static string NotYetAvailable(string command) =>
        $"Het commando '{command}' is nog niet beschikbaar in deze versie van RegieBot. Typ **help** voor de lijst met commando's.";

    /// <summary>An invoke that was delivered again after it was handled (the turn ledger knows it).</summary>
    public const string AlreadyHandled = "Deze actie is al verwerkt.";

    public const string EmptyMessage = "Ik hoorde je roepen. Typ **help** voor de lijst met commando's.";

    public const string KaartGone = "Deze regiekaart bestaat niet meer.";

    public const string WrongConversation = "Deze kaart hoort bij een ander gesprek.";

    public const string NotAllowed = "Deze actie kan RegieBot niet aan jou toeschrijven: je Teams-account is onbekend.";

    public const string NotOnKaart =
        "Alleen de professional zelf kan zijn of haar rol bevestigen, en jij staat niet als collega uit Teams op deze kaart. Klopt dat niet? Stel dan een wijziging voor.";

    public const string OnlyChannelMembers = "Alleen leden van dit kanaal kunnen een regiekaart verwijderen.";

    /// <summary>A member of the team whose Teams name is empty, as the member picker lists them.</summary>
    public const string UnnamedMember = "Onbekende collega";

    /// <summary>A click that needs what only Teams can give (a team's first member list) while Teams is throttling or slow.</summary>
    public const string TeamsBusy = "Teams is even druk, probeer het zo nog eens.";

    public const string MembersUnknown = "RegieBot kon niet nagaan of je lid bent van dit kanaal. Probeer het over een ogenblik nog eens.";
}
