using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Confirmations;

/// <summary>A kaart with its confirmations and change proposals, read together (one storage request).</summary>
public sealed record KaartSnapshot(Kaart Kaart, IReadOnlyList<Confirmation> Confirmations, IReadOnlyList<ChangeProposal> Proposals)
{
    /// <summary>
    /// The revision of the kaart's confirmations seal as read (0: no seal yet). Every recorded confirmation raises it
    /// by one, so of two snapshots of one kaart, the one with the higher revision was read after the other one's
    /// confirmation was stored.
    /// </summary>
    public long Revision { get; init; }

    /// <summary>
    /// The seal's ETag as read (null: no seal yet). Every write to what a snapshot holds changes it, so a write
    /// conditional on it succeeds only when the snapshot was still current.
    /// </summary>
    public string? SealETag { get; init; }

    /// <summary>
    /// When the oldest card update still waiting in the kaart's outbox was committed (null: none waits). An update that
    /// waits long after its commit was left by a crash; the reader of the snapshot has it applied.
    /// </summary>
    public DateTimeOffset? PendingCardSince { get; init; }

    /// <summary>The channel tab's last request to confirm (null: never asked), read with the rest.</summary>
    public ConfirmationRequest? ConfirmationRequest { get; init; }

    /// <summary>The kaart's escalations (<c>opschalen</c>), read with the rest so the tabs need no query of their own.</summary>
    public IReadOnlyList<Escalation> Escalations { get; init; } = [];

    public KaartConfirmations State => new(Kaart, Confirmations);

    /// <summary>Proposals made since the current version was saved.</summary>
    public IEnumerable<ChangeProposal> OpenProposals => Proposals.Where(p => p.At >= Kaart.UpdatedAt);
}
