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
        SemaphoreSlim looked = new(0);
        TaskCompletionSource removed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Index.Setup(i => i.RemoveAsync(It.IsAny<RetentionEntry>(), It.IsAny<CancellationToken>()))
            .Callback((RetentionEntry e, CancellationToken _) =>
            {
                fixture.Entries.Remove(e);
                removed.TrySetResult();
            })
            .Returns(Task.CompletedTask);
        fixture.Index.Setup(i => i.GetDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset now, int max, CancellationToken _) =>
            {
                looked.Release();   // every sweep looks for what is due
                return [.. fixture.Entries.Where(e => e.DueAt <= now).Take(max)];
            });
        using RegieBot.Privacy.RetentionWorker worker = fixture.Worker(fixture.Sweeper());
        CancellationToken ct = TestContext.Current.CancellationToken;

        await worker.StartAsync(ct);
        await looked.WaitAsync(ct);                  // the sweep at start: k-1 is due only in 30 minutes
        Assert.False(removed.Task.IsCompleted);
        fixture.Time.Advance(TimeSpan.FromHours(1));  // the next interval: now it is due
        await removed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        await worker.StopAsync(ct);

        Assert.Equal(["k-1"], fixture.Erased);
        Assert.Empty(fixture.Entries);
    }
}
