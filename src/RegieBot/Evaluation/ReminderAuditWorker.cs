using Microsoft.Extensions.Options;
using RegieBot.Common;

namespace RegieBot.Evaluation;

/// <summary>
/// Runs the <see cref="ReminderAudit"/> <c>RegieBot__Reminders__AuditStartDelay</c> after start (ten minutes, so a
/// rolling restart does not scan while it takes traffic) and then every <c>RegieBot__Reminders__AuditInterval</c> (a day).
/// </summary>
internal sealed class ReminderAuditWorker(ReminderAudit audit, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderAuditWorker> logger)
    : Operations.PeriodicWorker(options.Value.AuditInterval, time)
{
    protected override TimeSpan FirstRunDelay => options.Value.AuditStartDelay;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => audit.RepairAsync(cancellationToken);

    protected override void OnRunFailed(Exception exception) => logger.ReminderAuditFailed(exception);
}
