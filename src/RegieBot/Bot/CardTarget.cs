using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Bot;

/// <summary>
/// What a card action acts on, as <see cref="CardActionGate"/> loaded it and found it in the action's own
/// conversation: handlers act on this, never on an id from the card data. Which member is set depends on the verb.
/// </summary>
internal sealed record CardTarget
{
    public required string KaartId { get; init; }

    /// <summary>The kaart (also set with <see cref="Snapshot"/>).</summary>
    public Kaart? Kaart { get; init; }

    public KaartSnapshot? Snapshot { get; init; }

    public DialogState? Dialog { get; init; }

    /// <summary>The casus of this thread, saved or still a dialog.</summary>
    public ThreadKaart? Thread { get; init; }
}
