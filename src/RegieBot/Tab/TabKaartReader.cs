using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Tab;

/// <summary>
/// What both tabs read of one kaart, live on every request: the snapshot (kaart, confirmations, the channel tab's last
/// request) and, for a kaart that is shown, its versions, escalations and evaluation reminder, read in parallel. An
/// erased kaart (its tombstone written when <c>verwijderen</c> was answered) is gone at once, while the erasure runs.
/// </summary>
internal sealed class TabKaartReader(IKaartStore store, IReminderStore reminders, IOutboxStore outbox, TimeProvider time)
{
    /// <summary>Longer ids are never ours: refused before storage is asked.</summary>
    public const int MaxKaartIdLength = 128;

    public DateOnly Today => DutchCalendar.Today(time.GetUtcNow());

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<KaartSnapshot?> SnapshotAsync(string kaartId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(kaartId) || kaartId.Length > MaxKaartIdLength ? null : await store.GetSnapshotAsync(kaartId, cancellationToken);

    /// <summary>The kaart as the tabs show it; null when it is being erased.</summary>
    public async Task<TabKaart?> ReadAsync(KaartSnapshot snapshot, IReadOnlyList<Professional> mine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string kaartId = snapshot.Kaart.Id;
        Task<bool> erasing = outbox.IsErasingAsync(kaartId, cancellationToken);
        Task<IReadOnlyList<Kaart>> versions = store.GetVersionsAsync(kaartId, cancellationToken);
        Task<IReadOnlyList<Escalation>> escalations = store.GetEscalationsAsync(kaartId, cancellationToken);
        Task<ReminderState?> evaluation = reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, cancellationToken);
        await Task.WhenAll(erasing, versions, escalations, evaluation);
        return await erasing
            ? null
            : new TabKaart(snapshot, mine, await versions, await escalations, await evaluation, Today);
    }
}
