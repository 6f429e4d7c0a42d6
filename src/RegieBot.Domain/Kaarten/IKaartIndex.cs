using RegieBot.Domain.Confirmations;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// Where kaarten are found: by thread, channel, member and team (index tables that follow the kaart row).
/// Its writes are idempotent upserts and deletes, so a retried outbox effect repairs them.
/// </summary>
public interface IKaartIndex
{
    /// <summary>The thread, team and member index rows follow the stored kaart (an outbox effect); nothing when it is gone.</summary>
    Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken);

    /// <summary>
    /// The channel tab's summary on the kaart's thread row follows <paramref name="held"/> (the state the caller already
    /// read after the commits it applies), or the stored snapshot when it holds none; nothing when the row is gone.
    /// </summary>
    Task ApplySummaryAsync(string kaartId, KaartSnapshot? held, CancellationToken cancellationToken);

    /// <summary>
    /// The evaluation card went out at <paramref name="sentAt"/>, or (null) the evaluation was moved: one write on the
    /// thread row, no read; nothing when the row is gone.
    /// </summary>
    Task RecordEvaluationSentAsync(string threadId, DateTimeOffset? sentAt, CancellationToken cancellationToken);

    Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberKaart>> ListByMemberAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The kaarten of a team (any channel), for notices when members join or leave and for uninstalls.</summary>
    Task<IReadOnlyList<MemberKaart>> ListByTeamAsync(string teamId, CancellationToken cancellationToken);
}
