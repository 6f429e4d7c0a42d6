using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Tab;

/// <summary>
/// The kaarten of one professional for the tab. The member index (as for <c>overzicht</c>) says where to look;
/// whether they may see a kaart is decided by the kaart itself, read live on every request: they must be a
/// linked professional on its current version. An erased kaart, or one they were removed from, is not there.
/// </summary>
internal sealed class MijnKaarten(IKaartStore store, IReminderStore reminders, Domain.Outbox.IOutboxStore outbox, TimeProvider time)
{
    /// <summary>Longer ids are never ours: refused before storage is asked.</summary>
    public const int MaxKaartIdLength = 128;

    public async Task<IReadOnlyList<TabKaart>> ListAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemberKaart> index = await store.ListByMemberAsync(aadObjectId, cancellationToken);
        List<TabKaart> kaarten = [];
        foreach (MemberKaart entry in index)
        {
            if (await GetAsync(entry.KaartId, aadObjectId, cancellationToken) is { } kaart)
            {
                kaarten.Add(kaart);
            }
        }

        return TabKaart.Ordered(kaarten);
    }

    /// <summary>The kaart when this professional is linked on it; null otherwise (also when it does not exist).</summary>
    public async Task<TabKaart?> GetAsync(string kaartId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kaartId) || kaartId.Length > MaxKaartIdLength)
        {
            return null;
        }

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaartId, cancellationToken);
        Professional[] mine = snapshot is null ? [] : [.. snapshot.Kaart.Content.Professionals
            .Where(p => p.IsLinked && string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))];
        if (snapshot is null || mine.Length == 0)
        {
            return null;
        }

        if (await outbox.IsErasingAsync(kaartId, cancellationToken))
        {
            return null;   // verwijderen was answered: gone from the tab at once, while the erasure still runs
        }

        IReadOnlyList<Kaart> versions = await store.GetVersionsAsync(kaartId, cancellationToken);
        IReadOnlyList<Escalation> escalations = await store.GetEscalationsAsync(kaartId, cancellationToken);
        ReminderState? evaluation = await reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, cancellationToken);
        return new TabKaart(snapshot, mine, versions, escalations, evaluation, DutchCalendar.Today(time.GetUtcNow()));
    }
}
