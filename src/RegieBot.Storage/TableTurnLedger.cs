using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Turns;

namespace RegieBot.Storage;

/// <summary>
/// The turn ledger in Table Storage: both keys of a turn are inserted in one transaction in the
/// conversation's partition, so a redelivery (same id, or same content with a new id) fails the
/// insert on any instance.
/// </summary>
public sealed class TableTurnLedger(RegieTables tables, TimeProvider time) : ITurnLedger
{
    private TableClient Table => tables.Get(RegieTables.Turns);

    public async Task<bool> TryBeginAsync(TurnKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        DateTimeOffset now = time.GetUtcNow();
        List<TableTransactionAction> actions = [.. RowKeys(keys).Select(rowKey => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TurnEntity { PartitionKey = keys.Partition, RowKey = rowKey, SeenAt = now }))];
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
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

    private static IEnumerable<string> RowKeys(TurnKeys keys)
    {
        if (keys.ById is not null)
        {
            yield return "i-" + keys.ById;
        }

        yield return "c-" + keys.ByContent;
    }
}
