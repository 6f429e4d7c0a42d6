namespace RegieBot.Protocol.Schema;

public sealed record PagedMembersResult(string? ContinuationToken, IList<TeamsChannelAccount>? Members);
