using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The thread, member and team index tables, which follow the <c>kaart</c> row.</summary>
public sealed partial class TableKaartStore : IKaartIndex
{
    public async Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removedMembers);
        // The snapshot (one partition query, in place of the kaart row's point read) also gives the confirmations and
        // escalations, so the thread row carries the channel tab's summary in the write it makes anyway.
        if (await GetSnapshotAsync(kaartId, cancellationToken) is not { } snapshot)
        {
            return;   // erased meanwhile: nothing may point to it again
        }

        await UpdateIndexesAsync(snapshot, removedMembers, cancellationToken);
    }

    public async Task ApplySummaryAsync(string kaartId, KaartSnapshot? held, CancellationToken cancellationToken)
    {
        if ((held ?? await GetSnapshotAsync(kaartId, cancellationToken)) is not { } snapshot)
        {
            return;   // erased meanwhile
        }

        Kaart kaart = snapshot.Kaart;
        TableEntity summary = new(TableKey.Encode(KaartLocation.ChannelOf(kaart.Location.ThreadId)), TableKey.Encode(kaart.Location.ThreadId))
        {
            [nameof(KaartThreadEntity.Summary)] = KaartThreadEntity.SummaryJson(ChannelSummary.Of(snapshot)),
        };
        await MergeIntoThreadAsync(summary, cancellationToken);
    }

    public Task RecordEvaluationSentAsync(string threadId, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        return MergeIntoThreadAsync(
            new TableEntity(TableKey.Encode(KaartLocation.ChannelOf(threadId)), TableKey.Encode(threadId))
            {
                [sentAt is null ? nameof(KaartThreadEntity.EvaluatieVerplaatst) : nameof(KaartThreadEntity.EvaluatieVerstuurd)] = sentAt ?? time.GetUtcNow(),
            },
            cancellationToken);
    }

    /// <summary>One merge into an existing thread row, never creating one (an erased casus stays erased).</summary>
    private async Task MergeIntoThreadAsync(TableEntity columns, CancellationToken cancellationToken)
    {
        try
        {
            await Threads.UpdateEntityAsync(columns, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)System.Net.HttpStatusCode.NotFound)
        {
            // No row (erased, or the first version's index not written yet, which writes the summary itself).
        }
    }

    public async Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        // Every turn in a thread reads this row: not the channel tab's summary, which only the tab shows.
        KaartThreadEntity? entity = await GetAsync<KaartThreadEntity>(
            Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken, ["RowKey", nameof(KaartThreadEntity.KaartId), nameof(KaartThreadEntity.Casus), nameof(KaartThreadEntity.Saved)]);
        return entity?.ToThreadKaart();
    }

    public async Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(channelId);
        List<ThreadKaart> threads = [];
        await foreach (KaartThreadEntity entity in Threads.QueryAsync<KaartThreadEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            threads.Add(entity.ToThreadKaartWithSummary());
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
    private async Task UpdateIndexesAsync(KaartSnapshot snapshot, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        Kaart saved = snapshot.Kaart;
        // Merge: the evaluation's moments, which the reminder's sender writes, stay (a version saved after them answers them).
        await Threads.UpsertEntityAsync(
            KaartThreadEntity.From(saved.Location.ThreadId, saved.Id, saved.Casus, saved: true, ChannelSummary.Of(snapshot)), TableUpdateMode.Merge, cancellationToken);
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
