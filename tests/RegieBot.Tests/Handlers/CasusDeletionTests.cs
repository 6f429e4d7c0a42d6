using RegieBot.Domain.Kaarten;
using RegieBot.Privacy;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Handlers;

public sealed class CasusDeletionTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task Cancelling_answers_with_the_cancelled_card_and_touches_no_storage()
    {
        Kaart kaart = _host.SeedKaart();
        ThreadKaart thread = new(HandlerHost.ThreadId, kaart.Id, kaart.Casus, Saved: true);

        InvokeResponse response = _host.Get<CasusDeletion>().CancelAsync(_host.Message(string.Empty), thread);

        Assert.Contains("Verwijderen geannuleerd: er is niets verwijderd.", response.Body!["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_host.Store.Writes);
        Assert.NotNull(await _host.Store.GetKaartAsync(kaart.Id, CancellationToken.None));
        _host.Factory.Outbox.VerifyNoOtherCalls();
    }

    public void Dispose() => _host.Dispose();
}
