using System.Text.Json;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Handlers;

public sealed class CardActionHandlerTests : IDisposable
{
    private const string OtherThread = HandlerHost.ChannelId + ";messageid=1767225600999";

    private readonly HandlerHost _host = new();

    [Fact]
    public async Task An_unknown_verb_is_answered_with_a_Dutch_card_error()
    {
        Kaart kaart = _host.SeedKaart();

        InvokeResponse response = await Click("vliegen", kaart.Id, HandlerHost.ThreadId);

        Assert.Equal(400, (int)response.Body!["statusCode"]!);
        Assert.Equal("Deze knop kent RegieBot niet (meer). Typ help voor de commando's.", (string?)response.Body["value"]!["message"]);
        Assert.Empty(_host.Store.Writes);
    }

    [Fact]
    public async Task A_click_from_another_conversation_than_the_kaarts_is_refused_whatever_its_data_names()
    {
        Kaart kaart = _host.SeedKaart();

        InvokeResponse response = await Click(CloseCard.Verb, kaart.Id, OtherThread, (CloseCard.CriteriumField, "1"));

        Assert.Equal("Deze kaart hoort bij een ander gesprek.", (string?)response.Body!["value"]);
        Assert.Empty(_host.Store.Writes);
        Assert.Equal(KaartStatus.Actief, (await _host.Store.GetKaartAsync(kaart.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task The_same_click_in_the_kaarts_own_thread_reaches_its_handler()
    {
        Kaart kaart = _host.SeedKaart();

        await Click(CloseCard.Verb, kaart.Id, HandlerHost.ThreadId, (CloseCard.CriteriumField, "1"));

        Assert.Equal(KaartStatus.Afgesloten, (await _host.Store.GetKaartAsync(kaart.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_kaart_id_that_names_nothing_is_answered_as_gone()
    {
        InvokeResponse response = await Click(CloseCard.Verb, "k-bestaat-niet", HandlerHost.ThreadId, (CloseCard.CriteriumField, "1"));

        Assert.Equal("Deze regiekaart bestaat niet meer.", (string?)response.Body!["value"]);
        Assert.Empty(_host.Store.Writes);
    }

    /// <summary>Sanne clicks an <c>Action.Execute</c> with <paramref name="verb"/> in <paramref name="conversationId"/>.</summary>
    private Task<InvokeResponse> Click(string verb, string kaartId, string conversationId, params (string Key, string Value)[] inputs)
    {
        Dictionary<string, string> data = new(StringComparer.Ordinal) { ["kaartId"] = kaartId };
        foreach ((string key, string value) in inputs)
        {
            data[key] = value;
        }

        Activity invoke = _host.Message(string.Empty, conversationId: conversationId).Activity with
        {
            Type = ActivityTypes.Invoke,
            Name = CardActionHandler.InvokeName,
            Text = null,
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data } }),
        };
        return _host.Get<CardActionHandler>().HandleAsync(_host.Turn(invoke), CancellationToken.None);
    }

    public void Dispose() => _host.Dispose();
}
