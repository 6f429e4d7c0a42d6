using Moq;
using RegieBot.Domain.Privacy;

namespace RegieBot.Tests.Privacy;

public sealed class RetentionWorkerTests
{
    [Fact]
    public async Task ExecuteAsync_SweepsAtStartAndAfterEveryInterval_ErasingWhatIsDueThen()
    {
        RetentionFixture fixture = new();
        fixture.Close("k-1", RetentionFixture.Start - TimeSpan.FromDays(90) + TimeSpan.FromMinutes(30), TimeSpan.FromDays(90));
        SemaphoreSlim sweeps = new(0);
        fixture.Index.Setup(i => i.RemoveAsync(It.IsAny<RetentionEntry>(), It.IsAny<CancellationToken>()))
            .Callback((RetentionEntry e, CancellationToken _) => fixture.Entries.Remove(e))
            .Returns(Task.CompletedTask);
        fixture.Index.Setup(i => i.GetDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset now, int max, CancellationToken _) =>
            {
                RetentionEntry[] due = [.. fixture.Entries.Where(e => e.DueAt <= now).Take(max)];
                if (due.Length == 0)
                {
                    sweeps.Release();   // the sweep ends here: nothing (more) is due
                }

                return due;
            });
        using RegieBot.Privacy.RetentionWorker worker = fixture.Worker(fixture.Sweeper());
        CancellationToken ct = TestContext.Current.CancellationToken;

        await worker.StartAsync(ct);
        await sweeps.WaitAsync(ct);
        List<string> afterStart = [.. fixture.Erased];
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await sweeps.WaitAsync(ct);
        await worker.StopAsync(ct);

        Assert.Empty(afterStart);
        Assert.Equal(["k-1"], fixture.Erased);
        Assert.Empty(fixture.Entries);
    }
}
