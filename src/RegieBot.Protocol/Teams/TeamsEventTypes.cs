namespace RegieBot.Protocol.Teams;

public static class TeamsEventTypes
{
    public const string TeamMemberAdded = "teamMemberAdded";
    public const string TeamMemberRemoved = "teamMemberRemoved";
}
