using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Reminders;

namespace RegieBot.Storage;

/// <summary>
/// A kaart's pointer for one kind of reminder (partition <c>k|{kaart}</c>): where its due row is and what happened to it.
/// The columns are those the untyped rows always had, so pointers written before still read.
/// </summary>
public sealed class ReminderPointerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>A <see cref="ReminderStatus"/> by name (a string column, as always).</summary>
    public string? Status { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The RowKey of the due row that is to be sent; none once sent, cancelled or undeliverable.</summary>
    public string? DueRow { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentActivityId { get; set; }

    /// <summary>The due row the last write left to be deleted: a crash before that delete leaves a row still found.</summary>
    public string? LeavingRow { get; set; }

    public ReminderStatus ToStatus() => Enum.Parse<ReminderStatus>(Status ?? nameof(ReminderStatus.Scheduled));
}
