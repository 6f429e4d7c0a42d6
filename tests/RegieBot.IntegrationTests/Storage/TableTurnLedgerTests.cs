using Microsoft.Extensions.Time.Testing;
using RegieBot.Domain.Turns;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class TableTurnLedgerTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly TableTurnLedger _ledger = new(storage.Tables, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

    private static TurnKeys NewKeys() => new(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TryBeginAsync_SameTurnTwice_OnlyTheFirstWins()
    {
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;

        Assert.True(await _ledger.TryBeginAsync(keys, ct));
        Assert.False(await _ledger.TryBeginAsync(keys, ct));
    }

    [Fact]
    public async Task TryBeginAsync_SameContentWithNewId_IsADuplicate()
    {
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await _ledger.TryBeginAsync(keys, ct);

        bool second = await _ledger.TryBeginAsync(keys with { ById = Guid.NewGuid().ToString("N") }, ct);

        Assert.False(second);
    }

    [Fact]
    public async Task TryBeginAsync_SameIdWithOtherContent_IsADuplicate()
    {
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await _ledger.TryBeginAsync(keys, ct);

        bool second = await _ledger.TryBeginAsync(keys with { ByContent = Guid.NewGuid().ToString("N") }, ct);

        Assert.False(second);
    }

    [Fact]
    public async Task TryBeginAsync_ConcurrentDeliveriesOnManyInstances_ExactlyOneWins()
    {
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;

        bool[] results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            new TableTurnLedger(storage.Tables, TimeProvider.System).TryBeginAsync(keys, ct)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task AbandonAsync_AfterAFailedTurn_TheRedeliveryIsHandled()
    {
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;
        await _ledger.TryBeginAsync(keys, ct);

        await _ledger.AbandonAsync(keys, ct);

        Assert.True(await _ledger.TryBeginAsync(keys, ct));
    }

    [Fact]
    public async Task TryBeginAsync_KeysWithoutId_UsesTheContentKey()
    {
        TurnKeys keys = NewKeys() with { ById = null };
        CancellationToken ct = TestContext.Current.CancellationToken;

        Assert.True(await _ledger.TryBeginAsync(keys, ct));
        Assert.False(await _ledger.TryBeginAsync(keys, ct));
        await _ledger.AbandonAsync(keys, ct);
        Assert.True(await _ledger.TryBeginAsync(keys, ct));
    }
}
