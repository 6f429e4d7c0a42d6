using System.ComponentModel.DataAnnotations;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Common;

/// <summary><c>RegieBot__Privacy__*</c>: how long the data of a closed casus is kept, and how the retention job runs.</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "RegieBot:Privacy";

    /// <summary>ISO 8601 duration from closing a casus to deleting all its data; P90D by default.</summary>
    [Required]
    public string RetentionAfterClose { get; set; } = "P90D";

    /// <summary>How often the retention job looks for closed cases whose time has come.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 500)]
    public int RetentionBatchSize { get; set; } = 50;

    /// <summary>How long the question of <c>verwijderen</c> can be answered with "Ja, verwijder alles".</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DeleteQuestionValidity { get; set; } = TimeSpan.FromDays(1);

    public IsoPeriod Retention => IsoPeriod.Parse(RetentionAfterClose);
}
