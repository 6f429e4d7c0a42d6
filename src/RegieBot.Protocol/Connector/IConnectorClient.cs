using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (v3) that the bot calls back. <paramref name="serviceUrl"/> is always the raw
/// serviceUrl of the conversation as received from an authenticated activity.
/// Failures come back as <see cref="ConnectorException"/> (403 and 404 as its typed subclasses).
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>A 1:1 chat, or a new thread in a channel when the parameters carry the channel and the first activity.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>All members of a conversation or team, following continuation tokens.</summary>
    Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken);

    /// <summary>The team's name and ids (<c>GET v3/teams/{teamId}</c>).</summary>
    Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);

    /// <summary>The team's channels the bot can see (<c>GET v3/teams/{teamId}/conversations</c>); General has no name.</summary>
    Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);
}
