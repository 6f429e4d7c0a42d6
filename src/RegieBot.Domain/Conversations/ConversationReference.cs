namespace RegieBot.Domain.Conversations;

/// <summary>
/// What the bot needs to post into a conversation (or channel thread) later, without an inbound activity.
/// Refreshed on every inbound activity because the serviceUrl can change; proactive sends read it (Bot/ServiceUrls).
/// </summary>
public sealed record ConversationReference
{
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ChannelId { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamsChannelId { get; init; }

    /// <summary>The storage version (ETag) this reference was read with; null for a new one.</summary>
    public string? Version { get; init; }

    /// <summary>True when both point to the same place the same way (the version is not compared).</summary>
    public bool SameTargetAs(ConversationReference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Version = null } == other with { Version = null };
    }
}
