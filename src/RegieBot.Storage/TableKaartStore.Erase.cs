using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>Erasure: every row of the casus, indexes first.</summary>
public sealed partial class TableKaartStore : ICasusDataEraser
{
    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Kaarten, RegieTables.Threads, RegieTables.MemberIndex, RegieTables.TeamIndex];

    EraseStage ICasusDataEraser.Stage => EraseStage.Kaart;

    /// <summary>The indexes first, the partition (which holds the footprint for a retry) last.</summary>
    async Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        int deleted = 0;
        if (casus.ThreadId is { } threadId)
        {
            // Only this casus's own entry: after an erasure the thread may already hold a new kaart. Conditional on the
            // row as read; a merge meanwhile (the channel tab's summary, the evaluation's moment) changes its ETag, so it
            // is read again until the delete lands or the row is gone.
            for (int attempt = 0; attempt < 5; attempt++)
            {
                KaartThreadEntity? thread = await GetAsync<KaartThreadEntity>(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
                if (thread is null || thread.KaartId != casus.KaartId)
                {
                    break;
                }

                if (await TableErase.DeleteAsync(Threads, thread.PartitionKey, thread.RowKey, thread.ETag, cancellationToken) == 1)
                {
                    deleted++;
                    break;
                }
            }
        }

        if (casus.TeamId is { } teamId)
        {
            deleted += await TableErase.DeleteAsync(Teams, TableKey.Encode(teamId), TableKey.Encode(casus.KaartId), ETag.All, cancellationToken);
        }

        foreach (string aad in casus.MemberAadObjectIds)
        {
            deleted += await TableErase.DeleteAsync(Members, TableKey.Encode(aad), TableKey.Encode(casus.KaartId), ETag.All, cancellationToken);
        }

        deleted += await TableErase.DeletePartitionAsync(Kaarten, TableKey.Encode(casus.KaartId), cancellationToken);
        return deleted;
    }
}
