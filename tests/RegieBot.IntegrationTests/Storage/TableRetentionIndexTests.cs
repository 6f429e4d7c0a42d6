using RegieBot.Domain.Privacy;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class TableRetentionIndexTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemoveAsync_TwoClosesOnTheSameDay_TheLoserDoesNotDeleteTheWinnersEntry()
    {
        TableRetentionIndex index = new(storage.Tables);
        string kaartId = "k" + Guid.NewGuid().ToString("N")[..12];
        DateTimeOffset due = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        RetentionEntry loser = new(kaartId, due);
        RetentionEntry winner = new(kaartId, due.AddSeconds(2));   // the same day: the same row
        await index.ScheduleAsync(loser, Ct);
        await index.ScheduleAsync(winner, Ct);

        await index.RemoveAsync(loser, Ct);

        RetentionEntry left = Assert.Single(await index.GetDueAsync(due.AddDays(1), 10, Ct), e => e.KaartId == kaartId);
        Assert.Equal(winner.DueAt, left.DueAt);
        await index.RemoveAsync(winner, Ct);
        Assert.DoesNotContain(await index.GetDueAsync(due.AddDays(1), 10, Ct), e => e.KaartId == kaartId);
    }
}
