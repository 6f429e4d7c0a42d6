using Microsoft.Extensions.Options;

namespace RegieBot.Outbox;

/// <summary>Every <c>RegieBot__Outbox__SweepInterval</c>, finishes what any instance left of an operation's side effects.</summary>
internal sealed class OutboxWorker(OutboxRelay relay, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : Operations.PeriodicWorker(options.Value.SweepInterval, time)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => relay.SweepAsync(cancellationToken);

    protected override void OnRunFailed(Exception exception) => logger.OutboxSweepFailed(exception);
}
