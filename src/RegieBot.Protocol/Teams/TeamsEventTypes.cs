namespace RegieBot.Protocol.Teams;

public static class TeamsEventTypes
{
    public const string TeamMemberAdded = "teamMemberAdded";
    public const string TeamMemberRemoved = "teamMemberRemoved";

    /// <summary>The event activity's name when a meeting starts (sent with the manifest's resource-specific consent).</summary>
    public const string MeetingStart = "application/vnd.microsoft.meetingStart";

    /// <summary>The event activity's name when a meeting ends.</summary>
    public const string MeetingEnd = "application/vnd.microsoft.meetingEnd";
}
