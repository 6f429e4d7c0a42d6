namespace RegieBot.Membership;

/// <summary>Dutch sentences of the membership notice: what changed in the team that concerns a kaart.</summary>
internal static class MembershipTexts
{
    public static string Removed(string naam) => $"{naam} staat op deze kaart en is uit het team verwijderd.";

    public static string Added(int count) =>
        count == 1 ? "Er is een collega aan het team toegevoegd." : $"Er zijn {count} collega's aan het team toegevoegd.";
}
