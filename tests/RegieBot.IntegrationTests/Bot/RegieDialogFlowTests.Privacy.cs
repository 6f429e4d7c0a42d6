using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Turns;
using RegieBot.Privacy;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>Closing a casus, the family's summary, the export, <c>verwijderen</c> and retention, on Azurite.</summary>
public sealed partial class RegieDialogFlowTests
{
    private const string Handover = "Jeugdbescherming regio West";

    [Fact]
    public async Task Commands_WhileTheErasureIsUnderway_AnswerThatThereIsNoKaartAndNeverShowTheCasus()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await SavedKaartAsync(channel, app);
            string kaartId = (await app.Services.GetRequiredService<IKaartStore>().FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;

            // verwijderen's tombstone, with the erasure itself not yet run: the rows and the thread row are all still there.
            await app.Services.GetRequiredService<RegieBot.Domain.Outbox.IOutboxStore>().MarkEraseAsync(kaartId, "Verwijderd.", null, DateTimeOffset.UtcNow.AddDays(1), Ct);

            foreach (string command in new[] { "kaart", "status", "bijwerken", "opschalen de school reageert niet", "afsluiten", "export" })
            {
                int before = _teams.Calls.Count;
                await channel.SayAsync(command, user: "sanne", cancellationToken: Ct);
                (string Kind, string ConversationId, string? ActivityId, RegieBot.Protocol.Schema.Activity Activity)[] answers = [.. _teams.Calls.Skip(before)];
                Assert.Contains(answers, a => a.Activity.Text == RegieBot.Common.CasusTexts.NoKaartInThread);
                Assert.DoesNotContain(answers, a => System.Text.Json.JsonSerializer.Serialize(a.Activity).Contains("Familie", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Afsluiten_WithHandover_ClosesTheKaartStopsItsRemindersAndRetentionErasesEverythingAfterP90D()
    {
        Reminders.MovableTime time = new();
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start(time: time);
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            await channel.ConfirmAsync(cardId, card, "sanne", Ct);
            await channel.SayAsync("opschalen de school reageert niet", user: "ahmed", cancellationToken: Ct);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;

            await channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = LatestCardWithVerb(channel, RegieBot.Cards.CloseCard.Verb);
            JsonNode incomplete = await channel.ClickAsync(questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "3" }, user: "ahmed", cancellationToken: Ct);
            Assert.Contains("aan wie", incomplete["value"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            JsonNode withBsn = await channel.ClickAsync(
                questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "3", ["overgedragenAan"] = "Jeugdbescherming, BSN 111222333" }, user: "ahmed", cancellationToken: Ct);
            Assert.Contains("burgerservicenummer", withBsn["value"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(KaartStatus.Actief, (await store.GetKaartAsync(kaartId, Ct))!.Status);   // refused in Dutch, nothing closed

            JsonNode closed = await channel.ClickAsync(
                questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "3", ["overgedragenAan"] = Handover }, user: "ahmed", cancellationToken: Ct);
            Assert.Equal(200, (int)closed["statusCode"]!);

            Kaart kaart = (await store.GetKaartAsync(kaartId, Ct))!;
            Assert.Equal(KaartStatus.Afgesloten, kaart.Status);
            Assert.Equal(AfschaalCriterium.RegieOvergedragen, kaart.Closure!.Criterium);
            Assert.Equal(Handover, kaart.Closure.OvergedragenAan);
            IReminderStore reminders = app.Services.GetRequiredService<IReminderStore>();
            Assert.Equal(ReminderStatus.Cancelled, (await reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, Ct))!.Status);
            string shared = SharedCard(cardId).ToJsonString();
            Assert.Contains("afgesloten", shared, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ChannelSimulator.FindActions(SharedCard(cardId)), a => (string?)a["title"] == "Ik bevestig mijn rol");

            // The family's summary: their aanspreekpunt and what happens now, in plain words, without internal agreements or other names.
            await channel.SayAsync("clientversie", user: "petra", cancellationToken: Ct);
            string summary = LatestCardTitled(channel, "Afspraken over jullie hulp").ToJsonString();
            Assert.Contains("Ahmed El Amrani", summary, StringComparison.Ordinal);
            Assert.Contains(Handover, summary, StringComparison.Ordinal);
            Assert.Contains("Ahmed heeft de casusregie", summary, StringComparison.Ordinal);
            foreach (string internalOnly in new[] { "Petra Jansen", "Sanne de Vries", "Kees Bakker", "Elke twee weken overleg" })
            {
                Assert.DoesNotContain(internalOnly, summary, StringComparison.Ordinal);
            }

            List<string> before = await TracesAsync(kaartId, channel.ThreadId);
            foreach (string table in new[] { RegieTables.Kaarten, RegieTables.Threads, RegieTables.MemberIndex, RegieTables.TeamIndex, RegieTables.Reminders, RegieTables.Retention, RegieTables.Turns, RegieTables.Conversations })
            {
                Assert.Contains(before, e => e.StartsWith(table + ":", StringComparison.Ordinal));   // the check sees every table that holds the casus
            }

            RetentionSweeper sweeper = app.Services.GetRequiredService<RetentionSweeper>();
            Assert.Equal(0, await sweeper.SweepAsync(Ct));   // not yet: the retention period runs from closing
            time.Jump(TimeSpan.FromDays(89));
            Assert.Equal(0, await sweeper.SweepAsync(Ct));
            Assert.NotNull(await store.GetKaartAsync(kaartId, Ct));

            time.Jump(TimeSpan.FromDays(2));
            Assert.True(await sweeper.SweepAsync(Ct) >= 1);   // this one, and any other test's casus closed in these tables
            await AssertNothingLeftAsync(kaartId, channel.ThreadId);
            Assert.Contains("bewaartermijn", SharedCard(cardId).ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Kees Bakker", SharedCard(cardId).ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verwijderen_AnswersThatNameTheCasus_AreReplacedToo()
    {
        // "In deze draad staat al de regiekaart van Familie T." and a kaart copy name the casus: they are recorded with it
        // before they are posted, so its erasure replaces them like its cards.
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, _) = await SavedKaartAsync(channel, app);
            await channel.SayAsync("start Familie X.", user: "petra", cancellationToken: Ct);
            await channel.SayAsync("kaart", user: "petra", cancellationToken: Ct);
            Assert.Contains(_teams.Messages.Values, m => (m.Text ?? string.Empty).Contains("Familie T.", StringComparison.Ordinal));
            string kaartId = (await app.Services.GetRequiredService<IKaartStore>().FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;

            await channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = LatestCardWithVerb(channel, RegieBot.Cards.DeleteCard.Verb);
            await channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);

            await AssertNothingLeftAsync(kaartId, channel.ThreadId);
            Assert.All(_teams.Messages, m => Assert.False(
                ((m.Value.Text ?? string.Empty) + ChannelSimulator.CardOf(m.Value).ToJsonString()).Contains("Familie T.", StringComparison.Ordinal),
                $"Message {m.Key} still names the casus after verwijderen."));
            Assert.Contains("Regiekaart verwijderd", SharedCard(cardId).ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verwijderen_ByAChannelMember_LeavesNothingOfTheCasusInAnyTableOrCard()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            await channel.ConfirmAsync(cardId, card, "sanne", Ct);
            await channel.SayAsync("opschalen de school reageert niet", user: "ahmed", cancellationToken: Ct);
            await channel.SayAsync("export", user: "petra", cancellationToken: Ct);
            string export = string.Concat(_teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
                .Select(c => ChannelSimulator.CardOf(c.Activity))
                .Where(c => (string?)c["body"]?[0]?["text"] == "Inzage: alles wat RegieBot over deze casus bewaart")
                .Select(c => c.ToJsonString()));
            Assert.Contains("Ahmed heeft de casusregie", export, StringComparison.Ordinal);
            Assert.Contains("de school reageert niet", export, StringComparison.Ordinal);
            Assert.Contains("{\"type\":\"TextRun\",\"text\":\"Evaluatie: \",\"weight\":\"Bolder\"},{\"type\":\"TextRun\",\"text\":\"gepland op", export, StringComparison.Ordinal);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;

            Assert.NotEmpty(await TracesAsync(kaartId, channel.ThreadId));
            await channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            (string questionId, JsonObject question) = LatestCardWithVerb(channel, RegieBot.Cards.DeleteCard.Verb);

            JsonNode outsider = await channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "kees", cancellationToken: Ct);
            Assert.Equal((200, "application/vnd.microsoft.activity.message"), ((int)outsider["statusCode"]!, (string?)outsider["type"]));
            Assert.Equal("Alleen leden van dit kanaal kunnen een regiekaart verwijderen.", (string?)outsider["value"]);
            Assert.NotNull(await store.GetKaartAsync(kaartId, Ct));

            JsonNode deleted = await channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);
            Assert.Equal(200, (int)deleted["statusCode"]!);
            Assert.Contains("Regiekaart verwijderd", deleted["value"]!.ToJsonString(), StringComparison.Ordinal);

            await AssertNothingLeftAsync(kaartId, channel.ThreadId);
            foreach ((string id, Protocol.Schema.Activity message) in _teams.Messages)
            {
                string shown = (message.Text ?? string.Empty) + ChannelSimulator.CardOf(message).ToJsonString();
                foreach (string data in new[] { "Kees Bakker", "Ahmed heeft de casusregie", "Elke twee weken overleg", "k.bakker@example.org" })
                {
                    Assert.False(shown.Contains(data, StringComparison.Ordinal), $"Message {id} still shows '{data}' after verwijderen.");
                }
            }

            Assert.Contains("Regiekaart verwijderd", SharedCard(cardId).ToJsonString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Every entity, in every table of the bot, that names the kaart or its thread in any form.</summary>
    private async Task<List<string>> TracesAsync(string kaartId, string threadId)
    {
        string[] traces = [kaartId, TableKey.Encode(kaartId), threadId, TableKey.Encode(threadId), TurnKeys.PartitionOf(threadId)];
        List<string> found = [];
        foreach (string name in RegieTables.All)
        {
            await foreach (TableEntity entity in storage.Tables.Get(name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                StringBuilder text = new();
                foreach ((string key, object value) in entity)
                {
                    text.Append(key).Append('=').Append(value).Append('\n');
                }

                string all = text.ToString();
                if (traces.Any(t => all.Contains(t, StringComparison.Ordinal)))
                {
                    found.Add($"{name}: {entity.PartitionKey} / {entity.RowKey}");
                }
            }
        }

        return found;
    }

    private async Task AssertNothingLeftAsync(string kaartId, string threadId)
    {
        List<string> left = await TracesAsync(kaartId, threadId);
        Assert.True(left.Count == 0, "Entities of the casus are left: " + string.Join("; ", left));
    }

    private (string Id, JsonObject Card) LatestCardWithVerb(ChannelSimulator channel, string verb) =>
        _teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
            .Select(c => (c.ActivityId!, ChannelSimulator.CardOf(c.Activity)))
            .Last(c => ChannelSimulator.FindActions(c.Item2).Any(a => (string?)a["verb"] == verb));

    private JsonObject LatestCardTitled(ChannelSimulator channel, string title) =>
        _teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
            .Select(c => ChannelSimulator.CardOf(c.Activity))
            .Last(c => (string?)c["body"]?[0]?["text"] == title);
}
