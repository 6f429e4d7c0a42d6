using System.ComponentModel.DataAnnotations;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Dialog;

/// <summary><c>RegieBot__Reminders__*</c>: when evaluations fall due and how often the bot looks for them.</summary>
internal sealed class ReminderOptions
{
    public const string SectionName = "RegieBot:Reminders";

    /// <summary>ISO 8601 duration from the kaart's date to its evaluation; P3M by default, PT20S for demos.</summary>
    [Required]
    public string EvaluationPeriod { get; set; } = "P3M";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IsoPeriod Period => IsoPeriod.Parse(EvaluationPeriod);
}
