namespace RegieBot.Protocol.Teams;

/// <summary>A team as <c>GET v3/teams/{teamId}</c> returns it (the counts and type are not used).</summary>
public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId);

/// <summary>The channels of a team (<c>GET v3/teams/{teamId}/conversations</c>); General has no name and the team's id.</summary>
public sealed record ConversationList(IList<ChannelInfo>? Conversations);
