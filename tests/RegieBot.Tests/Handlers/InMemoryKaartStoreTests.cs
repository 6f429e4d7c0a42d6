using RegieBot.Domain;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Tests.Handlers;

/// <summary>The fake keeps the store's ETag rule, or handler tests of conflict paths would prove nothing.</summary>
public sealed class InMemoryKaartStoreTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task A_write_with_a_stale_ETag_is_a_conflict_and_the_fresh_one_wins()
    {
        Kaart stale = _host.SeedKaart();
        Kaart fresh = await _host.Store.UpdateKaartAsync(stale with { Casus = "Familie Q." }, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _host.Store.UpdateKaartAsync(stale with { Casus = "Familie R." }, CancellationToken.None));

        Assert.NotEqual(stale.ETag, fresh.ETag);
        Assert.Equal("Familie Q.", (await _host.Store.GetKaartAsync(stale.Id, CancellationToken.None))!.Casus);
    }

    [Fact]
    public void Every_narrower_store_is_the_same_fake()
    {
        object[] stores = [_host.Get<IDialogStore>(), _host.Get<IKaartVersionStore>(), _host.Get<IKaartIndex>(), _host.Get<IKaartCommitStore>(), _host.Get<ICasusRecordStore>(), _host.Get<IKaartStore>()];

        Assert.All(stores, store => Assert.Same(_host.Store, store));
    }

    public void Dispose() => _host.Dispose();
}
