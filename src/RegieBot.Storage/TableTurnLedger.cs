using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Turns;

namespace RegieBot.Storage;

/// <summary>
/// The turn ledger in Table Storage: both keys of a turn are inserted in one transaction in the
/// conversation's partition, so a redelivery (same id, or same content with a new id) fails the
/// insert on any instance. A claim whose write landed but whose response was lost (a timeout, then the SDK's
/// retry meets its own rows) is recognised by the attempt token it wrote, so a slow storage never drops a turn.
/// </summary>
public sealed class TableTurnLedger(RegieTables tables, TimeProvider time) : ITurnLedger, ICasusDataEraser
{
    /// <summary>How long the same content with another activity id counts as a redelivery.</summary>
    public static readonly TimeSpan ContentWindow = TimeSpan.FromSeconds(30);

    private TableClient Table => tables.Get(RegieTables.Turns);

    public async Task<bool> TryBeginAsync(TurnKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        DateTimeOffset now = time.GetUtcNow();
        string attempt = Guid.NewGuid().ToString("N");
        List<TableTransactionAction> actions = [.. RowKeys(keys).Select(rowKey => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TurnEntity { PartitionKey = keys.Partition, RowKey = rowKey, SeenAt = now, Attempt = attempt }))];
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Both rows are written together: the content row says whose claim it was.
            NullableResponse<TurnEntity> claimed = await Table.GetEntityIfExistsAsync<TurnEntity>(
                keys.Partition, ContentRowKey(keys), select: [nameof(TurnEntity.Attempt), nameof(TurnEntity.SeenAt)], cancellationToken: cancellationToken);
            if (claimed.HasValue && claimed.Value!.Attempt == attempt)
            {
                return true;
            }

            return await TryTakeOverContentAsync(keys, claimed.HasValue ? claimed.Value : null, now, attempt, cancellationToken);
        }
    }

    /// <summary>
    /// The same content with a new activity id is a redelivery only shortly after the first: Teams redelivers within
    /// seconds. Later it is a person clicking again, typically because the first turn never finished (its instance
    /// crashed before it could release the claim), so it is handled. The same activity id is always a redelivery.
    /// </summary>
    private async Task<bool> TryTakeOverContentAsync(TurnKeys keys, TurnEntity? content, DateTimeOffset now, string attempt, CancellationToken cancellationToken)
    {
        if (content is null || now - content.SeenAt < ContentWindow)
        {
            return false;
        }

        if (keys.ById is not null
            && (await Table.GetEntityIfExistsAsync<TurnEntity>(keys.Partition, "i-" + keys.ById, select: [nameof(TurnEntity.Attempt)], cancellationToken: cancellationToken)).HasValue)
        {
            return false;
        }

        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateReplace, new TurnEntity { PartitionKey = keys.Partition, RowKey = ContentRowKey(keys), SeenAt = now, Attempt = attempt }, content.ETag),
        ];
        if (keys.ById is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, new TurnEntity { PartitionKey = keys.Partition, RowKey = "i-" + keys.ById, SeenAt = now, Attempt = attempt }));
        }

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;   // another delivery took it first
        }
    }

    public async Task AbandonAsync(TurnKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (string rowKey in RowKeys(keys))
        {
            try
            {
                await Table.DeleteEntityAsync(keys.Partition, rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // Already gone: nothing to release.
            }
        }
    }

    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Turns];

    EraseStage ICasusDataEraser.Stage => EraseStage.BeforeKaart;

    /// <summary>The turns of the casus's thread: hashes only, but linked to the thread, so they go too.</summary>
    async Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        return casus.ThreadId is { Length: > 0 } threadId
            ? await TableErase.DeletePartitionAsync(Table, TurnKeys.PartitionOf(threadId), cancellationToken)
            : 0;
    }

    private static IEnumerable<string> RowKeys(TurnKeys keys)
    {
        if (keys.ById is not null)
        {
            yield return "i-" + keys.ById;
        }

        yield return ContentRowKey(keys);
    }

    private static string ContentRowKey(TurnKeys keys) => "c-" + keys.ByContent;
}
