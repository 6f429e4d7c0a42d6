using System.ComponentModel.DataAnnotations;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Common;

/// <summary><c>RegieBot__Reminders__*</c>: when evaluations fall due and how often the bot looks for them.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "RegieBot:Reminders";

    /// <summary>ISO 8601 duration from the kaart's date to its evaluation; P3M by default, PT20S for demos.</summary>
    [Required]
    public string EvaluationPeriod { get; set; } = "P3M";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claimed reminder is held before another instance may retry it (after a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each instance checks that every active kaart has its evaluation reminder (and once at start).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan AuditInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after an instance starts its first audit runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan AuditStartDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Pacing of proactive posts: Teams allows 7 per second per conversation and about 50 per app per tenant.</summary>
    [Range(1, 1000)]
    public int MaxSendsPerSecond { get; set; } = 5;

    /// <summary>First wait after a throttled or failed delivery; doubles per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public IsoPeriod Period => IsoPeriod.Parse(EvaluationPeriod);

    public EvaluationSchedule Schedule => new(Period);
}
