using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The thread, member and team index tables, which follow the <c>kaart</c> row.</summary>
public sealed partial class TableKaartStore : IKaartIndex
{
    public async Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removedMembers);
        if (await GetKaartAsync(kaartId, cancellationToken) is not { } kaart)
        {
            return;   // erased meanwhile: nothing may point to it again
        }

        await UpdateIndexesAsync(kaart, removedMembers, cancellationToken);
    }

    public async Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        KaartThreadEntity? entity = await GetAsync<KaartThreadEntity>(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
        return entity?.ToThreadKaart();
    }

    public async Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(channelId);
        List<ThreadKaart> threads = [];
        await foreach (KaartThreadEntity entity in Threads.QueryAsync<KaartThreadEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            threads.Add(entity.ToThreadKaart());
        }

        return threads;
    }

    public Task<IReadOnlyList<MemberKaart>> ListByMemberAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ListIndexAsync(Members, aadObjectId, cancellationToken);

    public Task<IReadOnlyList<MemberKaart>> ListByTeamAsync(string teamId, CancellationToken cancellationToken) =>
        ListIndexAsync(Teams, teamId, cancellationToken);

    private static async Task<IReadOnlyList<MemberKaart>> ListIndexAsync(TableClient index, string partition, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(partition);
        List<MemberKaart> kaarten = [];
        await foreach (KaartIndexEntity entity in index.QueryAsync<KaartIndexEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            kaarten.Add(entity.ToMemberKaart());
        }

        return kaarten;
    }

    /// <summary>The indexes follow the saved kaart; every write is an idempotent upsert or delete, so a retry repairs them.</summary>
    private async Task UpdateIndexesAsync(Kaart saved, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        await Threads.UpsertEntityAsync(KaartThreadEntity.From(saved.Location.ThreadId, saved.Id, saved.Casus, saved: true), TableUpdateMode.Replace, cancellationToken);
        if (saved.Location.TeamId is { Length: > 0 } teamId)
        {
            await Teams.UpsertEntityAsync(KaartIndexEntity.From(teamId, saved), TableUpdateMode.Replace, cancellationToken);
        }

        HashSet<string> linked = [.. saved.Content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!)];
        foreach (string aad in linked)
        {
            await Members.UpsertEntityAsync(KaartIndexEntity.From(aad, saved), TableUpdateMode.Replace, cancellationToken);
        }

        foreach (string aad in removedMembers.Where(a => !linked.Contains(a)))
        {
            await TableErase.DeleteAsync(Members, TableKey.Encode(aad), TableKey.Encode(saved.Id), ETag.All, cancellationToken);
        }
    }
}
