using RegieBot.Cards;
using RegieBot.Closing;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tests.Handlers;

public sealed class KaartClosingTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task Closing_commits_the_closed_kaart_with_its_close_effects()
    {
        Kaart kaart = _host.SeedKaart();

        InvokeResponse response = await Close(kaart, criterium: "2");

        Assert.Contains("De casus is afgesloten op", response.Body!["value"]!.ToJsonString(), StringComparison.Ordinal);
        Kaart stored = (await _host.Store.GetKaartAsync(kaart.Id, CancellationToken.None))!;
        Assert.Equal(KaartStatus.Afgesloten, stored.Status);
        Assert.Equal((AfschaalCriterium.GezinVoertZelfRegie, "aad-sanne", null), (stored.Closure!.Criterium, stored.Closure.ClosedBy, stored.Closure.OvergedragenAan));
        Assert.Equal(
            [OutboxEffect.Indexes, OutboxEffect.Evaluation, OutboxEffect.Retention, OutboxEffect.KaartCard],
            _host.Store.EffectsOf(kaart.Id).Select(e => e.Effect));
    }

    [Fact]
    public async Task Closing_without_a_criterion_asks_again_in_Dutch_and_stores_nothing()
    {
        Kaart kaart = _host.SeedKaart();

        InvokeResponse response = await Close(kaart, criterium: null);

        Assert.Contains("Kies het criterium dat van toepassing is.", response.Body!["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_host.Store.Writes);
        Assert.Equal(KaartStatus.Actief, (await _host.Store.GetKaartAsync(kaart.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Closing_while_the_kaart_is_being_updated_is_refused_in_Dutch()
    {
        Kaart kaart = _host.SeedKaart();
        await _host.Store.SaveDialogAsync(RegieDialog.StartUpdate(kaart, "aad-ahmed", DateTimeOffset.UnixEpoch), CancellationToken.None);
        _host.Store.Writes.Clear();

        InvokeResponse response = await Close(kaart, criterium: "1");

        Assert.Equal(
            "De regiekaart van Familie P. wordt nog bijgewerkt. Rond dat eerst af, of typ @RegieBot annuleren, en sluit de casus daarna af.",
            (string?)response.Body!["value"]);
        Assert.Empty(_host.Store.Writes);
    }

    [Fact]
    public async Task Afsluiten_on_a_closed_kaart_says_it_is_closed_already()
    {
        Kaart kaart = _host.SeedKaart();
        await Close(kaart, criterium: "1");

        await _host.Get<KaartClosing>().AskAsync(_host.Message("afsluiten"), CancellationToken.None);

        Assert.Equal(["De casus Familie P. is al afgesloten."], _host.RepliedTexts);
        Assert.DoesNotContain(OutboxEffect.Post, _host.Store.EffectsOf(kaart.Id).Select(e => e.Effect));
    }

    /// <summary>Sanne answers the question card of <paramref name="kaart"/> with <paramref name="criterium"/>.</summary>
    private Task<InvokeResponse> Close(Kaart kaart, string? criterium)
    {
        Dictionary<string, string> data = new(StringComparer.Ordinal) { ["kaartId"] = kaart.Id };
        if (criterium is not null)
        {
            data[CloseCard.CriteriumField] = criterium;
        }

        return _host.Get<KaartClosing>().CloseAsync(_host.Message(string.Empty), new CardAction(CloseCard.Verb, data, IsRefresh: false), kaart, CancellationToken.None);
    }

    public void Dispose() => _host.Dispose();
}
