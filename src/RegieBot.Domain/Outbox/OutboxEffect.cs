namespace RegieBot.Domain.Outbox;

/// <summary>
/// What an operation leaves to be done after its commit. Every effect is derived again from what is stored when it is
/// applied, so applying it twice, late, or after a newer operation's effect gives the same result.
/// </summary>
public enum OutboxEffect
{
    /// <summary>The thread, team and member index rows follow the kaart row (and members no longer on it are dropped).</summary>
    Indexes,

    /// <summary>The evaluation reminder follows the kaart (and an open escalation is cancelled).</summary>
    Evaluation,

    /// <summary>The shared regiekaart card in the thread shows what is stored.</summary>
    KaartCard,
}
