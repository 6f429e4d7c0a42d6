using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Tab;

/// <summary>
/// A kaart as the signed-in professional sees it in the tab, read live from storage: the kaart with its
/// confirmations, their own entries on it, the versions, escalations and the evaluation reminder.
/// </summary>
internal sealed record TabKaart(
    KaartSnapshot Snapshot,
    IReadOnlyList<Professional> Mine,
    IReadOnlyList<Kaart> Versions,
    IReadOnlyList<Escalation> Escalations,
    ReminderState? Evaluation,
    DateOnly Today)
{
    public Kaart Kaart => Snapshot.Kaart;

    /// <summary>Team and channel as Teams names them at render time (<see cref="TeamPlaces"/>); null when unknown.</summary>
    public TeamPlace? Place { get; init; }

    public bool Closed => Kaart.Status == KaartStatus.Afgesloten;

    public bool Overdue => !Closed && Kaart.Content.Evaluatiedatum is { } date && date < Today;

    public IReadOnlyList<Escalation> OpenEscalations => Escalation.OpenOn(Kaart, Escalations);

    /// <summary>The evaluation card went out after the current version and nobody answered it with a new one yet.</summary>
    public bool EvaluationUnanswered =>
        !Closed && Evaluation is { Status: ReminderStatus.Sent, SentAt: { } sent } && sent > Kaart.UpdatedAt;

    /// <summary>The overview's order: open kaarten first, overdue ones before the others, then by evaluation date.</summary>
    public static IReadOnlyList<TabKaart> Ordered(IEnumerable<TabKaart> kaarten) =>
        [.. kaarten
            .OrderBy(k => k.Closed)
            .ThenByDescending(k => k.Overdue)
            .ThenBy(k => k.Kaart.Content.Evaluatiedatum ?? DateOnly.MaxValue)
            .ThenBy(k => k.Kaart.Casus, StringComparer.CurrentCulture)
            .ThenBy(k => k.Kaart.Id, StringComparer.Ordinal)];
}
