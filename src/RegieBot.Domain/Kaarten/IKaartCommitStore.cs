using RegieBot.Domain.Confirmations;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// Confirmations, proposals and the operations that commit against the seal of a kaart's snapshot. Writes are conditional on the ETag the value was read with and throw
/// <see cref="ConcurrencyConflictException"/> when someone else wrote first.
/// </summary>
public interface IKaartCommitStore
{
    /// <summary>The kaart with its confirmations and proposals, or null.</summary>
    Task<KaartSnapshot?> GetSnapshotAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a professional's confirmation against <paramref name="snapshot"/>, in one conditional write that
    /// succeeds only while nothing the snapshot holds has changed; then the snapshot with the confirmation is the
    /// current state, and that is returned without reading again. When something changed meanwhile, it reads again
    /// and decides again (bounded attempts, then <see cref="ConcurrencyConflictException"/>). Nothing is written
    /// when the same role is already confirmed.
    /// </summary>
    /// <param name="effects">Outbox items written in the confirmation's own transaction (the shared card's update); none when nothing is written.</param>
    Task<ConfirmOutcome> ConfirmAsync(KaartSnapshot snapshot, Confirmation confirmation, IReadOnlyList<Outbox.OutboxItem> effects, CancellationToken cancellationToken);

    /// <summary>
    /// Commits one operation (a close, a proposal, an escalation, a postponement, a notice) with its outbox items in one
    /// transaction in the kaart's partition. Returns the kaart row as stored when the commit changed it. A commit whose
    /// response was lost is recognised by its token; only someone else's write is a <see cref="ConcurrencyConflictException"/>
    /// (also when the kaart is gone).
    /// </summary>
    Task<Kaart?> CommitAsync(KaartCommit commit, CancellationToken cancellationToken);
}
