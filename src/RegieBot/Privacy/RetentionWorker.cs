using Microsoft.Extensions.Options;
using RegieBot.Common;

namespace RegieBot.Privacy;

/// <summary>The retention job: every <c>RegieBot__Privacy__RetentionSweepInterval</c> it erases the closed cases that are due.</summary>
internal sealed class RetentionWorker(RetentionSweeper sweeper, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionWorker> logger)
    : Operations.PeriodicWorker(options.Value.RetentionSweepInterval, time)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);

    protected override void OnRunFailed(Exception exception) => logger.RetentionSweepFailed(exception);
}
