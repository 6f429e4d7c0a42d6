using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RegieBot.Domain.Kaarten;
using RegieBot.IntegrationTests.Bot;

namespace RegieBot.IntegrationTests.Operations;

/// <summary>
/// AVG: a whole regie conversation — start, every step, confirmations, a proposal, kaart, status, clientversie and
/// geschiedenis — through the real host on Azurite, with every log level captured. No log line, structured value,
/// scope or exception may contain the casus alias, a professional's name or contact, or an agreement.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LogPrivacyTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private const string Alias = "Familie Terpstra-Öztürk";
    private const string Proposal = "Petra neemt de casusregie over van Ahmed";

    private static readonly string[] Secrets =
    [
        Alias, "Terpstra", "Sanne de Vries", "Ahmed El Amrani", "Petra Jansen", "Kees Bakker", "k.bakker@example.org", "06-12345678",
        "Ahmed heeft de casusregie", "Sanne bewaakt het proces", "Elke twee weken overleg", Proposal,
    ];

    private readonly RecordingConnector _teams = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_WholeRegieConversation_ContainNoAliasNamesContactsOrAgreements()
    {
        using AzuriteBotApplicationFactory azurite = new(storage.TablePrefix, _teams);
        using WebApplicationFactory<Program> app = azurite.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Azure.Core", "Trace");
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        });
        ChannelSimulator channel = ChannelSimulator.For(app);

        await WalkTheWholeDialogAsync(channel);
        IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
        Kaart kaart = (await store.GetKaartAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
        string cardId = kaart.CardActivityId!;
        await channel.ConfirmAsync(cardId, Card(cardId), "sanne", Ct);
        await channel.ConfirmAsync(cardId, Card(cardId), "ahmed", Ct);
        JsonObject proposeCard = ChannelSimulator.ShowCardOf(Card(cardId), "Wijziging voorstellen");
        await channel.ClickAsync(cardId, proposeCard, "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = Proposal }, user: "petra", cancellationToken: Ct);
        Assert.Contains(Proposal, Card(cardId).ToJsonString(), StringComparison.Ordinal);
        foreach (string command in new[] { "kaart", "status", "clientversie", "geschiedenis", "start " + Alias })
        {
            Assert.Equal(HttpStatusCode.OK, (await channel.SayAsync(command, cancellationToken: Ct)).StatusCode);
        }

        IReadOnlyList<FakeLogRecord> records = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1001 && r.Level == LogLevel.Debug);   // the capture really saw the turns
        Assert.Contains(records, r => r.Id.Id == 4012);                                 // and the saved kaart
        Assert.Contains(records, r => r.Scopes.OfType<RegieBot.Bot.TurnLogScope>().Any());
        Assert.True(_teams.Calls.Any(c => ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains("Kees Bakker", StringComparison.Ordinal)), "the kaart with the names was posted");
        foreach (FakeLogRecord record in records)
        {
            string everything = Describe(record);
            foreach (string secret in Secrets)
            {
                Assert.False(everything.Contains(secret, StringComparison.OrdinalIgnoreCase), $"log {record.Id} ({record.Category}) contains '{secret}': {everything}");
            }
        }
    }

    internal static string Describe(FakeLogRecord record)
    {
        List<string?> parts = [record.Message, record.Exception?.ToString()];
        parts.AddRange(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []);
        foreach (object? scope in record.Scopes)
        {
            parts.Add(scope?.ToString());
            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(kv => $"{kv.Key}={kv.Value}"));
            }
        }

        return string.Join(" | ", parts);
    }

    private JsonObject Card(string id) => ChannelSimulator.CardOf(_teams.Messages[id]);

    private (string Id, JsonObject Card) StepCard() =>
        _teams.Messages
            .Where(m => (string?)ChannelSimulator.CardOf(m.Value)["body"]?[0]?["type"] == "RichTextBlock" && ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("\"verb\":\"dialoog\"", StringComparison.Ordinal))
            .OrderByDescending(m => m.Key, StringComparer.Ordinal)
            .Select(m => (m.Key, ChannelSimulator.CardOf(m.Value)))
            .First();

    private static string Title(JsonNode card) => (string)card["body"]![1]!["text"]!;

    private async Task<string> NextAsync(ChannelSimulator channel, string button = "Volgende", Dictionary<string, string>? inputs = null)
    {
        (string id, JsonObject card) = StepCard();
        JsonNode response = await channel.ClickAsync(id, card, button, inputs, cancellationToken: Ct);
        Assert.Equal(200, (int)response["statusCode"]!);
        return Title(response["value"]!);
    }

    private async Task AddAsync(ChannelSimulator channel, Dictionary<string, string> inputs)
    {
        (string id, JsonObject card) = StepCard();
        JsonNode response = await channel.ClickAsync(id, card, "Toevoegen", inputs, cancellationToken: Ct);
        Assert.DoesNotContain(response["value"]!["body"]!.AsArray(), e => (string?)e?["style"] == "attention");
    }

    private async Task WalkTheWholeDialogAsync(ChannelSimulator channel)
    {
        Assert.Equal(HttpStatusCode.OK, (await channel.SayAsync("start " + Alias, cancellationToken: Ct)).StatusCode);
        Assert.Equal("Betrokken professionals", await NextAsync(channel, inputs: new() { ["moment"] = "2" }));
        await AddAsync(channel, new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie", ["contact"] = "06-12345678" });
        await AddAsync(channel, new() { ["lid"] = "aad-ahmed", ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" });
        await AddAsync(channel, new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" });
        await AddAsync(channel, new() { ["lid"] = "extern", ["naam"] = "Kees Bakker", ["functie"] = "Intern begeleider", ["organisatie"] = "School", ["contact"] = "k.bakker@example.org" });
        Assert.Equal("1. Gemaakte afspraken over regievoeren", await NextAsync(channel));
        Assert.Equal("2. Gemaakte afspraken over de onderlinge afstemming", await NextAsync(channel, inputs: new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces" }));
        Assert.Equal("3. Deze professional is het vaste aanspreekpunt voor de cliënt", await NextAsync(channel, inputs: new() { ["afspraken"] = "Elke twee weken overleg" }));
        Assert.StartsWith("4. Deze professional houdt zicht", await NextAsync(channel, inputs: new() { ["aanspreekpunt"] = "p2" }), StringComparison.Ordinal);
        Assert.Equal("Datum en evaluatie", await NextAsync(channel, inputs: new() { ["bewaker"] = "p1" }));
        Assert.Equal("Regiekaart opgeslagen", await NextAsync(channel, "Opslaan", new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }));
    }
}
