using Azure;
using Azure.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace RegieBot.Storage;

/// <summary>
/// Healthy when the conversations table answers a one-row query. The result names the failure's kind and status
/// (never a key, token or row), so that <c>/healthz</c> tells an administrator what to look at.
/// </summary>
public sealed class StorageHealthCheck(RegieTables tables, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";

    /// <summary>The check is reported unhealthy when storage has not answered by then (App Service pings every minute).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

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

            return HealthCheckResult.Healthy("storage reachable", Data("ok", null));
        }
        catch (AuthenticationFailedException ex)
        {
            logger.StorageHealthCheckFailed(ex.GetType().Name, null);
            return HealthCheckResult.Unhealthy("storage unreachable: no token for the storage account (managed identity?)", data: Data("authentication", null));
        }
        catch (RequestFailedException ex)
        {
            logger.StorageHealthCheckFailed(ex.GetType().Name, ex.Status);
            string reason = ex.Status is 401 or 403 ? "access denied (role assignment?)" : ex.Status == 0 ? "no answer" : $"status {ex.Status}";
            return HealthCheckResult.Unhealthy($"storage unreachable: {reason}", data: Data(ex.ErrorCode ?? "request failed", ex.Status));
        }
        catch (Exception ex) when (ex is HttpRequestException or AggregateException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.StorageHealthCheckFailed(ex.GetType().Name, null);
            return HealthCheckResult.Unhealthy("storage unreachable: no answer", data: Data("network", null));
        }
    }

    private static Dictionary<string, object> Data(string outcome, int? status)
    {
        Dictionary<string, object> data = new(StringComparer.Ordinal) { ["table"] = RegieTables.Conversations, ["outcome"] = outcome };
        if (status is not null)
        {
            data["status"] = status.Value;
        }

        return data;
    }
}
