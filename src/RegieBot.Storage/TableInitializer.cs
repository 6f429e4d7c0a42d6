using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RegieBot.Storage;

/// <summary>Creates the tables at start; fails the start with the key to check when storage is unreachable.</summary>
public sealed class TableInitializer(RegieTables tables, ILogger<TableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (string table in RegieTables.All)
            {
                await tables.Get(table).CreateIfNotExistsAsync(cancellationToken);
            }

            logger.TablesReady(RegieTables.All.Count);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            logger.TablesUnreachable(ex);
            throw new InvalidOperationException(
                "Table Storage is not reachable. Check RegieBot__Storage__ConnectionString; locally, start Azurite (scripts/run-local.sh does).",
                ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
