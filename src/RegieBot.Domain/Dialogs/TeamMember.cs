namespace RegieBot.Domain.Dialogs;

/// <summary>A member of the Teams channel, as the connector's member list gives it.</summary>
public sealed record TeamMember(string AadObjectId, string TeamsUserId, string Name);
