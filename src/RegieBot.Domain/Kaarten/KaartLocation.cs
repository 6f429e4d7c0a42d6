namespace RegieBot.Domain.Kaarten;

/// <summary>Where a kaart lives in Teams: tenant, team, channel and the thread (conversation id with <c>;messageid=</c>).</summary>
public sealed record KaartLocation(string ThreadId, string ChannelId, string? TeamId, string? TenantId, string ServiceUrl)
{
    /// <summary>The channel part of a thread's conversation id.</summary>
    public static string ChannelOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        int separator = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        return separator < 0 ? conversationId : conversationId[..separator];
    }
}
