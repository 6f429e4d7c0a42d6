using System.ComponentModel.DataAnnotations;

namespace RegieBot.Outbox;

/// <summary><c>RegieBot:Outbox</c>: how soon another instance may finish an operation's side effects.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "RegieBot:Outbox";

    /// <summary>How often every instance looks for intents whose work was left (crash, lost response, Teams down).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the instance that committed has to apply its own effects before the sweep may take them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim on an intent holds: the sweep's, and the committing instance's once its <see cref="Grace"/> runs
    /// short. Whoever applies the work renews it while it runs (when half of what is left has passed) and stops the work
    /// when it can no longer renew, so two instances never apply the same intent at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(3);
}
