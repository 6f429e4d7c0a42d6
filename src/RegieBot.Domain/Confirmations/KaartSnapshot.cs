using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Confirmations;

/// <summary>A kaart with its confirmations and change proposals, read together (one storage request).</summary>
public sealed record KaartSnapshot(Kaart Kaart, IReadOnlyList<Confirmation> Confirmations, IReadOnlyList<ChangeProposal> Proposals)
{
    public KaartConfirmations State => new(Kaart, Confirmations);

    /// <summary>Proposals made since the current version was saved.</summary>
    public IEnumerable<ChangeProposal> OpenProposals => Proposals.Where(p => p.At >= Kaart.UpdatedAt);
}
