using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>An escalation (<c>o-</c> and the moment's ticks, so the rows sort oldest first).</summary>
public sealed class EscalationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? By { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? At { get; set; }

    /// <summary>The operation that wrote it, when it came with a commit (so a lost response is recognised).</summary>
    public string? CommitToken { get; set; }

    public static EscalationEntity From(string partitionKey, Escalation escalation, string? commitToken = null)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return new EscalationEntity
        {
            PartitionKey = partitionKey,
            RowKey = KaartPartition.EscalationPrefix + escalation.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture),
            By = escalation.By,
            Reason = escalation.Reason,
            At = escalation.At,
            CommitToken = commitToken,
        };
    }

    public Escalation ToEscalation() => new(By ?? string.Empty, Reason ?? string.Empty, At ?? default);
}
