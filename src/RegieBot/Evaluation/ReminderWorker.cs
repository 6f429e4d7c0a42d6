using Microsoft.Extensions.Options;
using RegieBot.Common;

namespace RegieBot.Evaluation;

/// <summary>Looks for due reminders every <c>RegieBot__Reminders__PollInterval</c>; one bad sweep never stops the host.</summary>
public sealed class ReminderWorker(ReminderDispatcher dispatcher, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderWorker> logger)
    : Operations.PeriodicWorker(options.Value.PollInterval, time)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);

    protected override void OnRunFailed(Exception exception) => logger.ReminderSweepFailed(exception);
}
