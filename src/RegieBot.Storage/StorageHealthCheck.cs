using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RegieBot.Storage;

/// <summary>Healthy when the conversations table answers a one-row query.</summary>
public sealed class StorageHealthCheck(RegieTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (Page<ConversationReferenceEntity> page in tables.Get(RegieTables.Conversations)
                .QueryAsync<ConversationReferenceEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                .AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("storage reachable");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("storage unreachable");
        }
    }
}
