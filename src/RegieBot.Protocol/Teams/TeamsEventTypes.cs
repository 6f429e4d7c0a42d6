namespace RegieBot.Protocol.Teams;

public static class TeamsEventTypes
{
    public const string TeamMemberAdded = "teamMemberAdded";
    public const string TeamMemberRemoved = "teamMemberRemoved";

    /// <summary>
    /// A member joined a private or shared channel; also when the app itself is added to such a channel (it must be,
    /// to each one separately). Sent with the resource-specific consent <c>ChannelMember.Read.Group</c>.
    /// </summary>
    public const string ChannelMemberAdded = "channelMemberAdded";

    /// <summary>A member left a private or shared channel; also when the app itself is removed from it.</summary>
    public const string ChannelMemberRemoved = "channelMemberRemoved";

    /// <summary>The event activity's name when a meeting starts (sent with the manifest's resource-specific consent).</summary>
    public const string MeetingStart = "application/vnd.microsoft.meetingStart";

    /// <summary>The event activity's name when a meeting ends.</summary>
    public const string MeetingEnd = "application/vnd.microsoft.meetingEnd";
}
