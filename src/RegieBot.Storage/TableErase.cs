using System.Net;
using Azure;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>Deletes that tolerate what is already gone, so an erasure can be repeated or run twice at once.</summary>
internal static class TableErase
{
    private const int MaxBatch = 100;

    /// <summary>Deletes one entity; 0 when it was already gone (or, with an ETag, changed meanwhile).</summary>
    public static async Task<int> DeleteAsync(TableClient table, string partition, string row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK answers a delete of a missing entity without an exception, with status 404.
            Response response = await table.DeleteEntityAsync(partition, row, etag, cancellationToken);
            return response.Status == (int)HttpStatusCode.NotFound ? 0 : 1;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            return 0;
        }
    }

    /// <summary>Deletes every entity of a partition, in transactions of at most 100.</summary>
    public static async Task<int> DeletePartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        List<string> rows = [];
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(entity.RowKey);
        }

        return await DeleteRowsAsync(table, partition, rows, cancellationToken);
    }

    /// <summary>Deletes these rows of one partition, in transactions of at most 100 (one request for one row).</summary>
    public static async Task<int> DeleteRowsAsync(TableClient table, string partition, IReadOnlyCollection<string> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 1)
        {
            return await DeleteAsync(table, partition, rows.First(), ETag.All, cancellationToken);
        }

        int deleted = 0;
        foreach (string[] batch in rows.Chunk(MaxBatch))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All)),
                    cancellationToken);
                deleted += batch.Length;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // Someone erased part of it at the same moment: delete what is left one by one.
                foreach (string row in batch)
                {
                    deleted += await DeleteAsync(table, partition, row, ETag.All, cancellationToken);
                }
            }
        }

        return deleted;
    }
}
