using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Privacy;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// Kaarten, their versions and their dialogs. Writes are conditional on the ETag the value was read with and
/// throw <see cref="ConcurrencyConflictException"/> when someone else wrote first.
/// </summary>
public interface IKaartStore
{
    /// <summary>
    /// Registers a new casus in its thread, then writes its dialog with <paramref name="effects"/> (the step card to post)
    /// in one transaction. Conflict when the thread already has one.
    /// </summary>
    Task<DialogState> CreateDialogAsync(DialogState dialog, IReadOnlyList<Outbox.OutboxItem> effects, CancellationToken cancellationToken);

    Task<DialogState?> GetDialogAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>Stores a changed dialog (new, for <c>bijwerken</c>, when it has no ETag).</summary>
    Task<DialogState> SaveDialogAsync(DialogState dialog, CancellationToken cancellationToken);

    Task<Kaart?> GetKaartAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the kaart as a new version — together with its completed dialog, when it came from one, and the outbox
    /// items of what follows from it — in one transaction. The kaart's ETag is null for version 1. The kaart row
    /// carries <paramref name="commitToken"/>, so a commit whose response was lost (a conflict on the retry, or no
    /// answer) is recognised as this one and returned; only someone else's save is a
    /// <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<Kaart> SaveVersionAsync(Kaart kaart, DialogState? completedDialog, IReadOnlyList<Outbox.OutboxItem> effects, string commitToken, CancellationToken cancellationToken);

    /// <summary>The thread, team and member index rows follow the stored kaart (an outbox effect); nothing when it is gone.</summary>
    Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken);

    /// <summary>Changes what is not content (the posted card's id); not a new version.</summary>
    Task<Kaart> UpdateKaartAsync(Kaart kaart, CancellationToken cancellationToken);

    Task<IReadOnlyList<Kaart>> GetVersionsAsync(string kaartId, CancellationToken cancellationToken);

    Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberKaart>> ListByMemberAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The kaart with its confirmations and proposals, or null.</summary>
    Task<KaartSnapshot?> GetSnapshotAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a professional's confirmation against <paramref name="snapshot"/>, in one conditional write that
    /// succeeds only while nothing the snapshot holds has changed; then the snapshot with the confirmation is the
    /// current state, and that is returned without reading again. When something changed meanwhile, it reads again
    /// and decides again (bounded attempts, then <see cref="ConcurrencyConflictException"/>). Nothing is written
    /// when the same role is already confirmed.
    /// </summary>
    Task<ConfirmOutcome> ConfirmAsync(KaartSnapshot snapshot, Confirmation confirmation, CancellationToken cancellationToken);

    /// <summary>
    /// Commits one operation (a close, a proposal, an escalation, a postponement, a notice) with its outbox items in one
    /// transaction in the kaart's partition. Returns the kaart row as stored when the commit changed it. A commit whose
    /// response was lost is recognised by its token; only someone else's write is a <see cref="ConcurrencyConflictException"/>
    /// (also when the kaart is gone).
    /// </summary>
    Task<Kaart?> CommitAsync(KaartCommit commit, CancellationToken cancellationToken);

    /// <summary>The record of a post of an outbox item, or null when it was never begun (or the casus is gone).</summary>
    Task<RecordedPost?> GetPostAsync(string kaartId, string postId, CancellationToken cancellationToken);

    /// <summary>Records, before it is sent, that the bot is about to post in <paramref name="conversationId"/>.</summary>
    Task<RecordedPost> BeginPostAsync(string kaartId, string postId, string conversationId, CancellationToken cancellationToken);

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

    /// <summary>The kaarten of a team (any channel), for notices when members join or leave and for uninstalls.</summary>
    Task<IReadOnlyList<MemberKaart>> ListByTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every active kaart, page by page (a scan of the kaart rows: for the daily audit, not for a request).</summary>
    IAsyncEnumerable<Kaart> ListActiveAsync(CancellationToken cancellationToken);
}
