using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Testing.Teams;

/// <summary>
/// The Teams side of our connector seam for tests on a running host: records what the bot posts and updates,
/// hands out message ids, and knows the channel's members. Posted messages can be "deleted" to
/// simulate Teams losing a card.
/// </summary>
public sealed class RecordingConnector : IConnectorClient
{
    private long _nextId = 1767225700000;

    public ConcurrentQueue<(string Kind, string ConversationId, string? ActivityId, Activity Activity)> Calls { get; } = new();

    public ConcurrentDictionary<string, Activity> Messages { get; } = new();

    /// <summary>The serviceUrl of each post and update, by kind ("send", "update") and message id.</summary>
    public ConcurrentDictionary<(string Kind, string ActivityId), string> ServiceUrls { get; } = new();

    public List<TeamsChannelAccount> Members { get; } =
    [
        new() { Id = "29:sanne", AadObjectId = "aad-sanne", Name = "Sanne de Vries" },
        new() { Id = "29:ahmed", AadObjectId = "aad-ahmed", Name = "Ahmed El Amrani" },
        new() { Id = "29:petra", AadObjectId = "aad-petra", Name = "Petra Jansen" },
    ];

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        string id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        Messages[id] = activity;
        ServiceUrls[("send", id)] = serviceUrl;
        Calls.Enqueue(("send", conversationId, id, activity));
        return Task.FromResult(new ResourceResponse(id));
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (!Messages.ContainsKey(activityId))
        {
            throw new ConnectorException(HttpStatusCode.NotFound, "ActivityNotFoundInConversation", "not found");
        }

        Messages[activityId] = activity;
        ServiceUrls[("update", activityId)] = serviceUrl;
        Calls.Enqueue(("update", conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse(activityId));
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        Messages.TryRemove(activityId, out _);
        return Task.CompletedTask;
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The conversations whose members were asked for, one entry a request.</summary>
    public ConcurrentQueue<string> MemberRequests { get; } = new();

    /// <summary>Members of conversations other than the team (private and shared channels), by conversation id.</summary>
    public ConcurrentDictionary<string, List<TeamsChannelAccount>> ConversationMembers { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        MemberRequests.Enqueue(conversationId);
        return Task.FromResult<IReadOnlyList<TeamsChannelAccount>>([.. ConversationMembers.TryGetValue(conversationId, out List<TeamsChannelAccount>? own) ? own : Members]);
    }

    /// <summary>Every team is the Playground's: "Regieteam Zeeland", with General (no name) and "Casusoverleg".</summary>
    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        Task.FromResult(TabDemoKaarten.Team(teamId));

    public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        Task.FromResult(TabDemoKaarten.Channels(teamId));
}
