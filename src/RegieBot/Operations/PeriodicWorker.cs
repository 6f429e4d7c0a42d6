namespace RegieBot.Operations;

/// <summary>
/// A background job that runs once at start (or <see cref="FirstRunDelay"/> after it) and then every <paramref name="interval"/> (on <paramref name="time"/>);
/// a run that throws is reported and the next one comes as planned, so one bad run never stops the host.
/// </summary>
public abstract class PeriodicWorker(TimeSpan interval, TimeProvider time) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void OnRunFailed(Exception exception);

    /// <summary>How long after start the first run comes (zero: at once).</summary>
    protected virtual TimeSpan FirstRunDelay => TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (FirstRunDelay > TimeSpan.Zero)
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
        }

        using PeriodicTimer timer = new(interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OnRunFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
