using System.Globalization;
using System.Text;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// The mock Teams context the Playground serves, written as its <c>.m365agentsplayground.yml</c> by
/// <see cref="ToPlaygroundConfig"/> (schema 0.1.1 of Playground 0.2.28): one tenant, one team with the General
/// channel (whose conversation id is the team id) and at most one more channel, a personal chat and a group chat,
/// the current user and exactly five other users, who are all members of the team and the group chat.
/// </summary>
public static class MockTeam
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07";
    public const string BotName = "RegieBot";
    public const string TeamId = "19:team-regie-zeeland@thread.tacv2";
    public const string TeamName = "Regieteam Zeeland";
    public const string TeamAadGroupId = "00000000-0000-0000-0000-000000000201";
    public const string GeneralChannelId = TeamId;
    public const string ChannelId = "19:casusoverleg@thread.tacv2";
    public const string ChannelName = "Casusoverleg";
    public const string PersonalChatId = "personal-chat-sanne";
    public const string GroupChatId = "group-chat-familie-t";
    public const string GroupChatName = "Overleg Familie T.";

    /// <summary>The Playground's "current user": its message API always sends as her.</summary>
    public static readonly MockUser Jeugdconsulent = new(
        "user-sanne", "Sanne de Vries", "Sanne", "de Vries", "sanne.devries@gemeente.example",
        "00000000-0000-0000-0000-000000000101", "jeugdconsulent (gemeente)");

    public static readonly MockUser Wijkteam = new(
        "user-mohammed", "Mohammed El Amrani", "Mohammed", "El Amrani", "m.elamrani@wijkteam.example",
        "00000000-0000-0000-0000-000000000102", "wijkteam");

    public static readonly MockUser GecertificeerdeInstelling = new(
        "user-petra", "Petra Jansen", "Petra", "Jansen", "p.jansen@gi.example",
        "00000000-0000-0000-0000-000000000103", "gecertificeerde instelling (jeugdbescherming)");

    public static readonly MockUser MaatschappelijkWerker = new(
        "user-joost", "Joost Bakker", "Joost", "Bakker", "j.bakker@mw.example",
        "00000000-0000-0000-0000-000000000104", "maatschappelijk werker");

    public static readonly MockUser Zorgaanbieder = new(
        "user-fatma", "Fatma Yilmaz", "Fatma", "Yilmaz", "f.yilmaz@zorg.example",
        "00000000-0000-0000-0000-000000000105", "zorgaanbieder (jeugd-GGZ)");

    public static readonly MockUser School = new(
        "user-eva", "Eva Visser", "Eva", "Visser", "e.visser@school.example",
        "00000000-0000-0000-0000-000000000106", "intern begeleider (school)");

    public static MockUser CurrentUser => Jeugdconsulent;

    /// <summary>The five users besides the current user (the schema demands exactly five).</summary>
    public static IReadOnlyList<MockUser> OtherUsers { get; } =
        [Wijkteam, GecertificeerdeInstelling, MaatschappelijkWerker, Zorgaanbieder, School];

    public static IReadOnlyList<MockUser> AllUsers { get; } = [CurrentUser, .. OtherUsers];

    public static MockUser UserById(string id) =>
        AllUsers.FirstOrDefault(u => u.Id == id) ?? throw new ArgumentException($"No mock user with id '{id}'.", nameof(id));

    /// <summary>The content of <c>.m365agentsplayground.yml</c> for this team.</summary>
    public static string ToPlaygroundConfig()
    {
        StringBuilder yml = new();
        yml.AppendLine("# Written by the RegieBot end-to-end tests (tests/RegieBot.EndToEndTests/Harness/MockTeam.cs).");
        yml.AppendLine("version: \"0.1.1\"");
        yml.AppendLine(Inv($"tenantId: {Quote(TenantId)}"));
        yml.AppendLine("bot:");
        yml.AppendLine(Inv($"  id: {Quote(BotId)}"));
        yml.AppendLine(Inv($"  name: {Quote(BotName)}"));
        yml.AppendLine("currentUser:");
        AppendUser(yml, CurrentUser, "  ");
        yml.AppendLine("users:");
        foreach (MockUser user in OtherUsers)
        {
            AppendUser(yml, user, "  - ", "    ");
        }

        yml.AppendLine("personalChat:");
        yml.AppendLine(Inv($"  id: {Quote(PersonalChatId)}"));
        yml.AppendLine("groupChat:");
        yml.AppendLine(Inv($"  id: {Quote(GroupChatId)}"));
        yml.AppendLine(Inv($"  name: {Quote(GroupChatName)}"));
        yml.AppendLine("team:");
        yml.AppendLine(Inv($"  id: {Quote(TeamId)}"));
        yml.AppendLine(Inv($"  name: {Quote(TeamName)}"));
        yml.AppendLine(Inv($"  aadGroupId: {Quote(TeamAadGroupId)}"));
        yml.AppendLine("  channels:");
        yml.AppendLine(Inv($"    - id: {Quote(ChannelId)}"));
        yml.AppendLine(Inv($"      name: {Quote(ChannelName)}"));
        return yml.ToString();
    }

    private static void AppendUser(StringBuilder yml, MockUser user, string firstIndent, string? indent = null)
    {
        indent ??= firstIndent;
        yml.AppendLine(Inv($"{firstIndent}id: {Quote(user.Id)}"));
        yml.AppendLine(Inv($"{indent}name: {Quote(user.Name)}"));
        yml.AppendLine(Inv($"{indent}userPrincipleName: {Quote(user.Email)}"));   // sic: the schema's spelling
        yml.AppendLine(Inv($"{indent}aadObjectId: {Quote(user.AadObjectId)}"));
        yml.AppendLine(Inv($"{indent}givenName: {Quote(user.GivenName)}"));
        yml.AppendLine(Inv($"{indent}surname: {Quote(user.Surname)}"));
        yml.AppendLine(Inv($"{indent}email: {Quote(user.Email)}"));
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
