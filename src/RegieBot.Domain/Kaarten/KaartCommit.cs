using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Outbox;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// One operation's commit in the kaart's partition, as one transaction: what the operation changes (the kaart row,
/// conditional on its ETag; a proposal; an escalation) and the outbox items of what follows from it. Every row it adds
/// carries <see cref="Token"/>, so a commit whose response was lost is recognised as this one.
/// </summary>
public sealed record KaartCommit(string KaartId, string Token, IReadOnlyList<OutboxItem> Effects)
{
    /// <summary>The kaart row as changed (a close), written only while it is as read (its ETag).</summary>
    public Kaart? Kaart { get; init; }

    public ChangeProposal? Proposal { get; init; }

    public Escalation? Escalation { get; init; }

    /// <summary>The channel tab's request to confirm, written only while the previous one is as read (its ETag).</summary>
    public ConfirmationRequest? ConfirmationRequest { get; init; }
}
