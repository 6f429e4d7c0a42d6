namespace RegieBot.Membership;

/// <summary>Dutch sentences of the membership notice: what changed in the team or channel that concerns a kaart.</summary>
internal static class MembershipTexts
{
    public static string Removed(string naam, bool channel) =>
        $"{naam} staat op deze kaart en is uit het {Where(channel)} verwijderd.";

    public static string Added(int count, bool channel) =>
        count == 1 ? $"Er is een collega aan het {Where(channel)} toegevoegd." : $"Er zijn {count} collega's aan het {Where(channel)} toegevoegd.";

    /// <summary>
    /// Posted in the team's General channel when the app was removed from a private or shared channel that has
    /// kaarten: it can no longer speak there. Names neither the channel nor a casus (the General channel's members
    /// need not be that channel's).
    /// </summary>
    public const string RemovedFromChannel =
        "RegieBot is uit een kanaal van dit team verwijderd. De evaluatieherinneringen van de regiekaarten in dat kanaal zijn gestopt; "
        + "voeg RegieBot weer aan dat kanaal toe om ze te hervatten.";

    private static string Where(bool channel) => channel ? "kanaal" : "team";
}
