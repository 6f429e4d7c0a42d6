using Moq;
using RegieBot.Domain.Privacy;

namespace RegieBot.Tests.Privacy;

public sealed class RetentionSweeperTests
{
    private static readonly TimeSpan P90D = TimeSpan.FromDays(90);
    private readonly RetentionFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SweepAsync_OneDueOneNot_ErasesOnlyTheDueOne()
    {
        _fixture.Close("k-due", RetentionFixture.Start - P90D - TimeSpan.FromMinutes(1), P90D);
        _fixture.Close("k-later", RetentionFixture.Start - P90D + TimeSpan.FromDays(1), P90D);

        int erased = await _fixture.Sweeper().SweepAsync(Ct);

        Assert.Equal(1, erased);
        Assert.Equal(["k-due"], _fixture.Erased);
        Assert.Contains("k-later", _fixture.Kaarten.Keys);
        Assert.Equal(["k-later"], _fixture.Entries.Select(e => e.KaartId));
    }

    [Fact]
    public async Task SweepAsync_AfterTheClockPassesTheDueMoment_ErasesTheOtherToo()
    {
        _fixture.Close("k-later", RetentionFixture.Start - P90D + TimeSpan.FromDays(1), P90D);
        RegieBot.Privacy.RetentionSweeper sweeper = _fixture.Sweeper();

        int before = await sweeper.SweepAsync(Ct);
        _fixture.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        int justBefore = await sweeper.SweepAsync(Ct);
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        int atDue = await sweeper.SweepAsync(Ct);

        Assert.Equal((0, 0, 1), (before, justBefore, atDue));
        Assert.Equal(["k-later"], _fixture.Erased);
        Assert.Empty(_fixture.Entries);
    }

    [Fact]
    public async Task SweepAsync_EntryOfAKaartThatIsNotClosed_RemovesTheEntryAndKeepsTheKaart()
    {
        _fixture.Close("k-active", RetentionFixture.Start - P90D - TimeSpan.FromDays(1), P90D, writeClose: false);

        int erased = await _fixture.Sweeper().SweepAsync(Ct);

        Assert.Equal(0, erased);
        Assert.Empty(_fixture.Erased);
        Assert.Empty(_fixture.Entries);
        Assert.Contains("k-active", _fixture.Kaarten.Keys);
    }

    [Fact]
    public async Task SweepAsync_MoreDueThanOneBatch_ErasesThemAll()
    {
        foreach (int i in Enumerable.Range(1, 5))
        {
            _fixture.Close("k" + i, RetentionFixture.Start - P90D - TimeSpan.FromHours(i), P90D);
        }

        int erased = await _fixture.Sweeper().SweepAsync(Ct);

        Assert.Equal(5, erased);
        Assert.Empty(_fixture.Entries);
    }

    [Fact]
    public async Task SweepAsync_ErasingOneFails_KeepsItsEntryAndErasesTheOthers()
    {
        _fixture.Close("k-broken", RetentionFixture.Start - P90D - TimeSpan.FromHours(2), P90D);
        _fixture.Close("k-fine", RetentionFixture.Start - P90D - TimeSpan.FromHours(1), P90D);
        _fixture.Eraser.Setup(e => e.EraseAsync(It.Is<CasusFootprint>(f => f.KaartId == "k-broken"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage down"));

        int erased = await _fixture.Sweeper().SweepAsync(Ct);

        Assert.Equal(1, erased);
        Assert.Equal(["k-broken"], _fixture.Entries.Select(e => e.KaartId));
    }

    [Fact]
    public async Task SweepAsync_KaartAlreadyGone_StillErasesWhatIsLeftAndRemovesTheEntry()
    {
        _fixture.Entries.Add(new RetentionEntry("k-gone", RetentionFixture.Start - TimeSpan.FromDays(1)));

        await _fixture.Sweeper().SweepAsync(Ct);

        _fixture.Eraser.Verify(e => e.EraseAsync(It.Is<CasusFootprint>(f => f.KaartId == "k-gone"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_fixture.Entries);
    }
}
