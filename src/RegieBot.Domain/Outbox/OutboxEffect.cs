namespace RegieBot.Domain.Outbox;

/// <summary>
/// What an operation leaves to be done after its commit. Every effect is derived again from what is stored when it is
/// applied (a post from its own item and the kaart's message rows), so applying it twice, late, or after a newer
/// operation's effect gives the same result.
/// </summary>
public enum OutboxEffect
{
    /// <summary>The thread, team and member index rows follow the kaart row (and members no longer on it are dropped).</summary>
    Indexes,

    /// <summary>
    /// The evaluation reminder follows the kaart (and an open escalation is cancelled): scheduled while it is active, at
    /// <see cref="OutboxItem.DueAt"/> when the evaluation was postponed; none once it is closed.
    /// </summary>
    Evaluation,

    /// <summary>The retention entry follows the kaart's close record.</summary>
    Retention,

    /// <summary>The shared regiekaart card in the thread shows what is stored.</summary>
    KaartCard,

    /// <summary>
    /// A card posted in the kaart's thread (<see cref="OutboxItem.Card"/>), recorded as the casus's message before it is
    /// sent and completed with its id after, so it is posted once and erased with the casus.
    /// </summary>
    Post,

    /// <summary>
    /// One of the casus's other cards in the thread (an evaluation or question card, message
    /// <see cref="OutboxItem.ActivityId"/>) shows its answer for everyone: it is replaced by <see cref="OutboxItem.Card"/>.
    /// </summary>
    CardUpdate,

    /// <summary>
    /// The channel tab's summary on the kaart's thread row follows what is stored (a confirmation, an escalation): one
    /// merge after the other effects, from the snapshot the card refresh of the same run read, else from a read of its own.
    /// </summary>
    Summary,
}
