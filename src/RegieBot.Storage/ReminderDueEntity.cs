using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Reminders;

namespace RegieBot.Storage;

/// <summary>
/// A reminder to send (partition <c>due</c>, RowKey <c>{due ticks}|{kaart}|{kind}</c>). The columns are those the untyped
/// rows always had, so due rows written before still read and claim.
/// </summary>
public sealed class ReminderDueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? KaartId { get; set; }

    /// <summary>A <see cref="ReminderKind"/> by its stored name (<see cref="ReminderKinds.StoredName"/>).</summary>
    public string? Kind { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ThreadId { get; set; }
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? TeamId { get; set; }
    public int? Attempts { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? FirstClaimedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }

    public static ReminderDueEntity From(string partitionKey, string rowKey, Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return new ReminderDueEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            KaartId = reminder.KaartId,
            Kind = reminder.Kind.StoredName(),
            DueAt = reminder.DueAt,
            ServiceUrl = reminder.ServiceUrl,
            ThreadId = reminder.ThreadId,
            TenantId = reminder.TenantId,
            BotId = reminder.BotId,
            TeamId = reminder.TeamId,
            Attempts = reminder.Attempts,
            ClaimedUntil = reminder.ClaimedUntil,
            FirstClaimedAt = reminder.FirstClaimedAt,
            ScheduledFor = reminder.ScheduledFor ?? reminder.DueAt,
        };
    }

    public Reminder ToReminder() => new()
    {
        KaartId = KaartId ?? string.Empty,
        Kind = ReminderKinds.FromStoredName(Kind),
        DueAt = DueAt ?? default,
        ServiceUrl = ServiceUrl ?? string.Empty,
        ThreadId = ThreadId ?? string.Empty,
        TenantId = TenantId,
        BotId = BotId,
        TeamId = TeamId,
        Attempts = Attempts ?? 0,
        ClaimedUntil = ClaimedUntil,
        FirstClaimedAt = FirstClaimedAt,
        ScheduledFor = ScheduledFor,
        ETag = ETag.ToString(),
    };
}
