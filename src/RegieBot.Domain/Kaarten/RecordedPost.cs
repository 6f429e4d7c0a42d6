namespace RegieBot.Domain.Kaarten;

/// <summary>
/// A post of the bot in the casus's thread, recorded before it is sent (no <see cref="ActivityId"/> yet) and completed
/// after. A post whose record has an id was sent; one without may or may not have been (the one window of a crash).
/// </summary>
public sealed record RecordedPost(string KaartId, string PostId, string ConversationId, string? ActivityId, string? ETag)
{
    /// <summary>A card (replaced by the removal card on erasure) or a text (replaced by the removal text).</summary>
    public bool IsCard { get; init; } = true;
}
