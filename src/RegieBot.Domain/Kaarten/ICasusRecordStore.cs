using RegieBot.Domain.Privacy;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// What the casus leaves behind besides its content: posted messages, escalations and the footprint erasure reads. Writes are conditional on the ETag the value was read with and throw
/// <see cref="ConcurrencyConflictException"/> when someone else wrote first.
/// </summary>
public interface ICasusRecordStore
{
    /// <summary>
    /// Where the casus lives, in one request: its kaart's location, or before its first version its dialog's; null once
    /// erased (or never begun).
    /// </summary>
    Task<KaartLocation?> LocateAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>The record of a post of an outbox item, or null when it was never begun (or the casus is gone).</summary>
    Task<RecordedPost?> GetPostAsync(string kaartId, string postId, CancellationToken cancellationToken);

    /// <summary>Records, before it is sent, that the bot is about to post a card (or a text) in <paramref name="conversationId"/>.</summary>
    Task<RecordedPost> BeginPostAsync(string kaartId, string postId, string conversationId, bool isCard, CancellationToken cancellationToken);

    /// <summary>Completes the record with the posted message's id; false when the casus was erased meanwhile (nothing is written).</summary>
    Task<bool> CompletePostAsync(RecordedPost post, string activityId, CancellationToken cancellationToken);

    /// <summary>Drops the record of a post that was not sent (its casus was erased meanwhile).</summary>
    Task AbandonPostAsync(RecordedPost post, CancellationToken cancellationToken);

    /// <summary>Remembers a message the bot posted that shows data of the casus, so deleting it can replace the message.</summary>
    Task RecordPostedMessageAsync(string kaartId, PostedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers, during an erasure that could not finish (Teams throttled), which messages were already replaced by the
    /// notice: the footprint no longer lists them, so the retry does not replace them again. Erased with the casus.
    /// </summary>
    Task RecordReplacedMessagesAsync(string kaartId, IReadOnlyCollection<PostedMessage> messages, CancellationToken cancellationToken);

    /// <summary>Everything needed to erase the casus everywhere, read from its own records (null when it has none left).</summary>
    Task<CasusFootprint?> GetFootprintAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>Records an escalation (opschalen): who, when and why.</summary>
    Task AddEscalationAsync(string kaartId, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The escalations of the kaart, oldest first (for <c>export</c>).</summary>
    Task<IReadOnlyList<Escalation>> GetEscalationsAsync(string kaartId, CancellationToken cancellationToken);
}
