using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Tab;

/// <summary>
/// The kaarten of one professional for the tab. The member index (as for <c>overzicht</c>) says where to look;
/// whether they may see a kaart is decided by the kaart itself, read live on every request: they must be a
/// linked professional on its current version. An erased kaart, or one they were removed from, is not there.
/// </summary>
internal sealed class MijnKaarten(IKaartStore store, TabKaartReader reader)
{
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
        KaartSnapshot? snapshot = await reader.SnapshotAsync(kaartId, cancellationToken);
        Professional[] mine = snapshot is null ? [] : [.. snapshot.Kaart.Content.Professionals
            .Where(p => p.IsLinked && string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))];
        return snapshot is null || mine.Length == 0 ? null : await reader.ReadAsync(snapshot, mine, cancellationToken);
    }
}
