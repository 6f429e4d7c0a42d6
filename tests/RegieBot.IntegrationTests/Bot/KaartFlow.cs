using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// One casus thread on the real host: walks the dialog with the card buttons as a channel does and finds the
/// cards the bot posted. For test classes that need a saved kaart without repeating the walk.
/// </summary>
internal sealed class KaartFlow(AzuriteBotApplicationFactory app, ChannelSimulator channel, RecordingConnector teams)
{
    public AzuriteBotApplicationFactory App => app;

    public ChannelSimulator Channel => channel;

    public IKaartStore Store => app.Services.GetRequiredService<IKaartStore>();

    /// <summary>The latest step card in the thread: (message id, card).</summary>
    public (string Id, JsonObject Card) StepCard() =>
        teams.Messages
            .Where(m => ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("\"verb\":\"dialoog\"", StringComparison.Ordinal))
            .OrderByDescending(m => m.Key, StringComparer.Ordinal)
            .Select(m => (m.Key, ChannelSimulator.CardOf(m.Value)))
            .First();

    public static string Title(JsonNode card) => (string)card["body"]![1]!["text"]!;

    /// <summary>Step buttons are clicked through their Action.Submit fallback (a client without Universal Actions).</summary>
    public bool UseSubmit { get; init; }

    /// <summary>Clicks a step card button; returns the card the clicker then sees.</summary>
    public async Task<JsonNode> StepAsync(string title, Dictionary<string, string>? inputs, CancellationToken cancellationToken)
    {
        (string id, JsonObject card) = StepCard();
        if (UseSubmit)
        {
            await channel.SubmitAsync(id, card, title, inputs, cancellationToken: cancellationToken);
            return Card(id);
        }

        JsonNode response = await channel.ClickAsync(id, card, title, inputs, cancellationToken: cancellationToken);
        Assert.Equal(200, (int)response["statusCode"]!);
        return response["value"]!;
    }

    public Task<JsonNode> NextAsync(Dictionary<string, string>? inputs, CancellationToken cancellationToken) =>
        StepAsync(Title(StepCard().Card) == "Datum en evaluatie" ? "Opslaan" : "Volgende", inputs, cancellationToken);

    public async Task AddAsync(Dictionary<string, string> inputs, CancellationToken cancellationToken)
    {
        JsonNode card = await StepAsync("Toevoegen", inputs, cancellationToken);
        JsonNode errors = card["body"]!.AsArray().FirstOrDefault(e => (string?)e?["style"] == "attention")!;
        Assert.True(errors is null, errors?.ToJsonString());
    }

    /// <summary>Sanne (procesregie, bewaker), Ahmed (aanspreekpunt), Petra and the external Kees; returns the kaart and its card.</summary>
    public async Task<(Kaart Kaart, string CardId)> SaveKaartAsync(CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.OK, (await channel.SayAsync("start Familie T.", cancellationToken: cancellationToken)).StatusCode);
        await NextAsync(new() { ["moment"] = "1" }, cancellationToken);
        await AddAsync(new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie" }, cancellationToken);
        await AddAsync(new() { ["lid"] = "aad-ahmed", ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" }, cancellationToken);
        await AddAsync(new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" }, cancellationToken);
        await AddAsync(new() { ["lid"] = "extern", ["naam"] = "Kees Bakker", ["functie"] = "Intern begeleider", ["organisatie"] = "School", ["contact"] = "k.bakker@example.org" }, cancellationToken);
        await NextAsync(null, cancellationToken);
        await NextAsync(new() { ["afspraken"] = "Ahmed heeft de casusregie" }, cancellationToken);
        await NextAsync(new() { ["afspraken"] = "Elke twee weken overleg" }, cancellationToken);
        await NextAsync(new() { ["aanspreekpunt"] = "p2" }, cancellationToken);
        await NextAsync(new() { ["bewaker"] = "p1" }, cancellationToken);
        Assert.Equal("Regiekaart opgeslagen", Title(await NextAsync(new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }, cancellationToken)));
        Kaart kaart = (await Store.GetKaartAsync((await Store.FindByThreadAsync(channel.ThreadId, cancellationToken))!.KaartId, cancellationToken))!;
        return (kaart, kaart.CardActivityId!);
    }

    /// <summary>The card as it is now in Teams (after updates in place).</summary>
    public JsonObject Card(string messageId) => ChannelSimulator.CardOf(teams.Messages[messageId]);

    /// <summary>Cards the bot posted (not updated) in this thread: (message id, card).</summary>
    public IEnumerable<(string Id, JsonObject Card)> Posted() =>
        teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
            .Select(c => (c.ActivityId!, ChannelSimulator.CardOf(c.Activity)));

    public (string Id, JsonObject Card) LatestWithVerb(string verb) =>
        Posted().Last(c => ChannelSimulator.FindActions(c.Card).Any(a => (string?)a["verb"] == verb));

    /// <summary>Every string in a card, one a line, as the client reads them (not JSON-escaped).</summary>
    public static string StringsOf(JsonNode? node) => node switch
    {
        JsonObject obj => string.Join("\n", obj.Select(p => StringsOf(p.Value))),
        JsonArray array => string.Join("\n", array.Select(StringsOf)),
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => string.Empty,
    };
}
