using Microsoft.Extensions.Options;

namespace RegieBot.Reminders;

/// <summary>Looks for due reminders every <c>RegieBot__Reminders__PollInterval</c>; one bad sweep never stops the host.</summary>
public sealed class ReminderWorker(ReminderDispatcher dispatcher, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(options.Value.PollInterval, time);
        do
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.ReminderSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
