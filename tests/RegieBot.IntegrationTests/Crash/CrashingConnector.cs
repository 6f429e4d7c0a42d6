using RegieBot.IntegrationTests.Bot;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>
/// Teams as the crashed process sees it: the recording connector until the crash, nothing after it. With
/// <paramref name="slow"/>, a post or update takes as long as it says before Teams answers (a slow or throttled Teams).
/// </summary>
internal sealed class CrashingConnector(RecordingConnector teams, ProcessCrash crash, Func<Activity, TimeSpan>? slow = null) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Alive(async () =>
        {
            await SlowAsync(activity, cancellationToken);
            return await teams.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
        });

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Alive(() => teams.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Alive(async () =>
        {
            await SlowAsync(activity, cancellationToken);
            return await teams.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
        });

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Alive(async () => { await teams.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken); return true; });

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        Alive(() => teams.CreateConversationAsync(serviceUrl, parameters, cancellationToken));

    public Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        Alive(() => teams.GetMembersAsync(serviceUrl, conversationId, cancellationToken));

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        Alive(() => teams.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken));

    public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        Alive(() => teams.GetChannelsAsync(serviceUrl, teamId, cancellationToken));

    private Task<T> Alive<T>(Func<Task<T>> call) => crash.Dead ? throw new ProcessCrashedException() : call();

    private Task SlowAsync(Activity activity, CancellationToken cancellationToken) =>
        slow?.Invoke(activity) is { } wait && wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
}
