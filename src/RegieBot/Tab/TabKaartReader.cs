using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Tab;

/// <summary>
/// What both tabs read of one kaart, live on every request: the snapshot (one partition query: kaart, confirmations,
/// escalations, the channel tab's last request) and, for a kaart that is shown, in parallel its tombstone and evaluation
/// reminder (point reads) and, for the personal tab, its versions. An
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

    /// <summary>
    /// The kaart as the tabs show it; null when it is being erased. Without <paramref name="withVersions"/> (the channel
    /// tab, which shows only the current version's date) the versions are not read.
    /// </summary>
    public async Task<TabKaart?> ReadAsync(KaartSnapshot snapshot, IReadOnlyList<Professional> mine, CancellationToken cancellationToken, bool withVersions = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string kaartId = snapshot.Kaart.Id;
        Task<bool> erasing = outbox.IsErasingAsync(kaartId, cancellationToken);
        Task<IReadOnlyList<Kaart>> versions = withVersions ? store.GetVersionsAsync(kaartId, cancellationToken) : Task.FromResult<IReadOnlyList<Kaart>>([snapshot.Kaart]);
        Task<ReminderState?> evaluation = reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, cancellationToken);
        await Task.WhenAll(erasing, versions, evaluation);
        return await erasing
            ? null
            : new TabKaart(snapshot, mine, await versions, snapshot.Escalations, await evaluation, Today);
    }
}
