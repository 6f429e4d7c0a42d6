using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
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
    public async Task TryBeginAsync_WriteLandsButItsResponseIsLost_TheRetryMeetsItsOwnRowsAndStillClaimsTheTurn()
    {
        LoseFirstTransactionResponse lose = new();
        TableClientOptions options = new();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(lose, HttpPipelinePosition.PerRetry);
        TableTurnLedger slow = new(new RegieTables(new TableServiceClient(AzuriteStorage.ConnectionString, options), storage.Options), TimeProvider.System);
        TurnKeys keys = NewKeys();
        CancellationToken ct = TestContext.Current.CancellationToken;

        bool claimed = await slow.TryBeginAsync(keys, ct);

        Assert.Equal(2, lose.Transactions);   // the write whose answer was lost, then the SDK's retry: 409 on our own rows
        Assert.True(claimed);
        Assert.False(await _ledger.TryBeginAsync(keys, ct));   // a real redelivery is still a duplicate
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

    /// <summary>Lets the first transaction reach storage, then loses its response, as a network timeout does.</summary>
    private sealed class LoseFirstTransactionResponse : HttpPipelinePolicy
    {
        private int _transactions;

        public int Transactions => _transactions;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The ledger is asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _transactions) == 1)
            {
                throw new IOException("The response was lost on the way back.");
            }
        }
    }
}
