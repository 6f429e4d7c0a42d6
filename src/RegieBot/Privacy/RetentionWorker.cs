using Microsoft.Extensions.Options;

namespace RegieBot.Privacy;

/// <summary>The retention job: every <c>RegieBot__Privacy__RetentionSweepInterval</c> it erases the closed cases that are due.</summary>
internal sealed class RetentionWorker(RetentionSweeper sweeper, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using PeriodicTimer timer = new(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.RetentionSweepFailed(ex);   // one bad sweep must not stop the host
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
