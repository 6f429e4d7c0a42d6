using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Kaarten;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tests.Handlers;

public sealed class KaartActionsTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task The_professional_confirms_their_own_role_and_it_is_stored()
    {
        (Kaart kaart, InvokeResponse response) = await ConfirmP1As("aad-sanne");

        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)response.Body!["type"]);
        KaartSnapshot stored = (await _host.Store.GetSnapshotAsync(kaart.Id, CancellationToken.None))!;
        Confirmation confirmation = Assert.Single(stored.Confirmations);
        Assert.Equal(("p1", "aad-sanne"), (confirmation.ProfessionalId, confirmation.AadObjectId));
        // The shared card and the channel tab's summary follow it.
        Assert.Equal([OutboxEffect.KaartCard, OutboxEffect.Summary], _host.Store.EffectsOf(kaart.Id).Select(e => e.Effect));
    }

    [Fact]
    public async Task Someone_else_confirming_a_role_is_refused_in_Dutch_and_nothing_is_stored()
    {
        (Kaart kaart, InvokeResponse response) = await ConfirmP1As("aad-ahmed");

        Assert.Equal("Je kunt alleen je eigen rol bevestigen, niet die van een ander.", (string?)response.Body!["value"]);
        Assert.Empty(_host.Store.Writes);
        Assert.Empty(_host.Store.EffectsOf(kaart.Id));
        Assert.Empty((await _host.Store.GetSnapshotAsync(kaart.Id, CancellationToken.None))!.Confirmations);
    }

    [Fact]
    public async Task A_colleague_who_is_not_on_the_kaart_is_told_so()
    {
        (_, InvokeResponse response) = await ConfirmP1As("aad-petra");

        Assert.StartsWith("Alleen de professional zelf kan zijn of haar rol bevestigen", (string?)response.Body!["value"], StringComparison.Ordinal);
        Assert.Empty(_host.Store.Writes);
    }

    /// <summary>Clicks "Ik bevestig mijn rol" on Sanne's (p1) button of a freshly saved kaart as <paramref name="aadObjectId"/>.</summary>
    private async Task<(Kaart Kaart, InvokeResponse Response)> ConfirmP1As(string aadObjectId)
    {
        Kaart kaart = _host.SeedKaart();
        KaartSnapshot snapshot = (await _host.Store.GetSnapshotAsync(kaart.Id, CancellationToken.None))!;
        CardAction button = new(KaartActions.ConfirmVerb, new Dictionary<string, string>(StringComparer.Ordinal) { ["professionalId"] = "p1" }, IsRefresh: false);
        InvokeResponse response = await _host.Get<KaartActions>().ConfirmAsync(_host.Message(string.Empty, aadObjectId), button, snapshot, CancellationToken.None);
        return (kaart, response);
    }

    public void Dispose() => _host.Dispose();
}
