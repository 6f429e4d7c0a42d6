using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Cards;

/// <summary>Everything stored about one casus, as read for an inzageverzoek (<c>export</c>).</summary>
public sealed record CasusRecords
{
    public required string KaartId { get; init; }
    public required string Casus { get; init; }

    /// <summary>The current kaart (status, close record); null while the first version is still being filled in.</summary>
    public Kaart? Kaart { get; init; }
    public IReadOnlyList<Kaart> Versions { get; init; } = [];
    public IReadOnlyList<Confirmation> Confirmations { get; init; } = [];
    public IReadOnlyList<ChangeProposal> Proposals { get; init; } = [];
    public DialogState? Dialog { get; init; }
    public IReadOnlyList<Escalation> Escalations { get; init; } = [];

    /// <summary>The evaluation and escalation reminders of the kaart, as scheduled or sent.</summary>
    public IReadOnlyList<ReminderState> Reminders { get; init; } = [];

    /// <summary>How many messages of the bot in Teams show data of the casus (replaced by a notice when it is deleted).</summary>
    public int PostedMessages { get; init; }
}
