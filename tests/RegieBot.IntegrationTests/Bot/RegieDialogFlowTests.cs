using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Storage;
using RegieBot.Protocol.Schema;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>The whole regie conversation through the real host on Azurite; only Teams is simulated.</summary>
[Trait("Category", "Integration")]
public sealed partial class RegieDialogFlowTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly RecordingConnector _teams = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (AzuriteBotApplicationFactory App, ChannelSimulator Channel) Start(string period = "P3M", TimeProvider? time = null, StorageRequestCounter? storageRequests = null)
    {
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, period, time, storageRequests);
        return (app, ChannelSimulator.For(app));
    }

    /// <summary>The latest step card in the thread: (message id, card).</summary>
    private (string Id, JsonObject Card) StepCard() =>
        _teams.Messages
            .Where(m => (string?)ChannelSimulator.CardOf(m.Value)["body"]?[0]?["type"] == "RichTextBlock" && ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("\"verb\":\"dialoog\"", StringComparison.Ordinal))
            .OrderByDescending(m => m.Key, StringComparer.Ordinal)
            .Select(m => (m.Key, ChannelSimulator.CardOf(m.Value)))
            .First();

    private static string Title(JsonNode card) => (string)card["body"]![1]!["text"]!;

    private async Task<JsonNode> NextAsync(ChannelSimulator channel, Dictionary<string, string>? inputs = null, string user = "sanne")
    {
        (string id, JsonObject card) = StepCard();
        JsonNode response = await channel.ClickAsync(id, card, Title(card) == "Datum en evaluatie" ? "Opslaan" : "Volgende", inputs, user, cancellationToken: Ct);
        Assert.Equal(200, (int)response["statusCode"]!);
        return response["value"]!;
    }

    private async Task AddAsync(ChannelSimulator channel, Dictionary<string, string> inputs)
    {
        (string id, JsonObject card) = StepCard();
        JsonNode response = await channel.ClickAsync(id, card, "Toevoegen", inputs, cancellationToken: Ct);
        JsonNode errors = response["value"]!["body"]!.AsArray().FirstOrDefault(e => (string?)e?["style"] == "attention")!;
        Assert.True(errors is null, errors?.ToJsonString());
    }

    private async Task WalkToProfessionalsWithFourAsync(ChannelSimulator channel)
    {
        HttpResponseMessage started = await channel.SayAsync("start Familie T.", cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("Waarom maken jullie de regiekaart nu?", Title(StepCard().Card));

        Assert.Equal("Betrokken professionals", Title(await NextAsync(channel, new() { ["moment"] = "1" })));
        await AddAsync(channel, new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie" });
        await AddAsync(channel, new() { ["lid"] = "aad-ahmed", ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" });
        await AddAsync(channel, new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" });
        await AddAsync(channel, new() { ["lid"] = "extern", ["naam"] = "Kees Bakker", ["functie"] = "Intern begeleider", ["organisatie"] = "School", ["contact"] = "k.bakker@example.org" });
    }

    private async Task FinishAsync(ChannelSimulator channel)
    {
        Assert.Equal("1. Gemaakte afspraken over regievoeren", Title(await NextAsync(channel)));
        Assert.Equal("2. Gemaakte afspraken over de onderlinge afstemming", Title(await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces" })));
        Assert.Equal("3. Deze professional is het vaste aanspreekpunt voor de cliënt", Title(await NextAsync(channel, new() { ["afspraken"] = "Elke twee weken overleg" })));
        Assert.StartsWith("4. Deze professional houdt zicht", Title(await NextAsync(channel, new() { ["aanspreekpunt"] = "p2" })), StringComparison.Ordinal);
        JsonNode last = await NextAsync(channel, new() { ["bewaker"] = "p1" });
        Assert.Equal("Datum en evaluatie", Title(last));
        Assert.Equal("Regiekaart opgeslagen", Title(await NextAsync(channel, new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" })));
    }

    private JsonObject LastKaartCard() =>
        _teams.Calls.Where(c => ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal))
            .Select(c => ChannelSimulator.CardOf(c.Activity)).Last();

    [Fact]
    public async Task Dialog_FromStartToSavedKaart_PostsTheRegiekaartAndStoresVersion1()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            await FinishAsync(channel);

            string kaart = LastKaartCard().ToJsonString();
            foreach (string expected in new[] { "Familie T.", "Sanne de Vries", "Ahmed El Amrani", "Petra Jansen", "Kees Bakker", "Ahmed heeft de casusregie", "Elke twee weken overleg", "23 februari 2027" })
            {
                Assert.Contains(expected, kaart, StringComparison.Ordinal);
            }

            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            ThreadKaart? thread = await store.FindByThreadAsync(channel.ThreadId, Ct);
            Kaart? saved = await store.GetKaartAsync(thread!.KaartId, Ct);
            Assert.Equal(1, saved!.Version);
            Assert.Equal(4, saved.Content.Professionals.Count);
            Assert.Equal("Ahmed El Amrani", saved.Content.Aanspreekpunt!.Naam);
            Assert.Equal("29:ahmed", saved.Content.Aanspreekpunt.TeamsUserId);
            Assert.NotNull(saved.CardActivityId);
            Assert.Contains(await store.ListByMemberAsync("aad-petra", Ct), m => m.KaartId == saved.Id);
        }
    }

    [Fact]
    public async Task Dialog_BotRestartsHalfway_ResumesAtTheSameStepWithWhatWasEntered()
    {
        (AzuriteBotApplicationFactory first, ChannelSimulator channel) = Start();
        using (first)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            await NextAsync(channel);
            await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie" });
        }

        using AzuriteBotApplicationFactory restarted = new(storage.TablePrefix, _teams);
        channel.SettledBy(restarted);

        Assert.Equal("2. Gemaakte afspraken over de onderlinge afstemming", Title(StepCard().Card));
        JsonNode back = await channel.ClickAsync(StepCard().Id, StepCard().Card, "Vorige", cancellationToken: Ct);
        Assert.Contains("Ahmed heeft de casusregie", back.ToJsonString(), StringComparison.Ordinal);
        await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie" });
        Assert.Equal("3. Deze professional is het vaste aanspreekpunt voor de cliënt", Title(await NextAsync(channel, new() { ["afspraken"] = "Elke week bellen" })));
    }

    [Fact]
    public async Task Dialog_TwoPeopleAnswerTheSameStepAtOnce_OneIsSavedTheOtherIsTold()
    {
        (AzuriteBotApplicationFactory instanceA, ChannelSimulator channelA) = Start();
        using AzuriteBotApplicationFactory instanceB = new(storage.TablePrefix, _teams);
        using (instanceA)
        {
            await channelA.SayAsync("start Familie B.", cancellationToken: Ct);
            ChannelSimulator channelB = new(instanceB.CreateClient(), channelA.ThreadId.Split("messageid=")[1]);
            (string id, JsonObject card) = StepCard();

            JsonNode[] answers = await Task.WhenAll(
                channelA.ClickAsync(id, card, "Volgende", new Dictionary<string, string> { ["moment"] = "2" }, "sanne", cancellationToken: Ct),
                channelB.ClickAsync(id, card, "Volgende", new Dictionary<string, string> { ["moment"] = "4" }, "ahmed", cancellationToken: Ct));

            string[] titles = [.. answers.Select(a => Title(a["value"]!))];
            Assert.Contains("Betrokken professionals", titles);
            string loser = answers.Select(a => a["value"]!.ToJsonString()).Single(a => a.Contains("Iemand anders heeft deze stap net ingevuld", StringComparison.Ordinal));
            Assert.Contains("Betrokken professionals", loser, StringComparison.Ordinal);

            IKaartStore store = instanceA.Services.GetRequiredService<IKaartStore>();
            DialogState? dialog = await store.GetDialogAsync((await store.FindByThreadAsync(channelA.ThreadId, Ct))!.KaartId, Ct);
            Assert.Equal(DialogStep.Professionals, dialog!.Step);
            Assert.Equal(1, dialog.Revision);
        }
    }

    [Fact]
    public async Task Dialog_RowWrittenBetweenAClicksReadAndWrite_AnswerIsAppliedNotCalledStale()
    {
        // Someone writes the dialog row between a click's read and its write (earlier: the start turn remembering the
        // card it had just posted). The row changed (its ETag), what was answered did not (its revision).
        DialogRowToucher toucher = new(new TableServiceClient(AzuriteStorage.ConnectionString));
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, storagePolicy: toucher);
        ChannelSimulator channel = ChannelSimulator.For(app);
        await channel.SayAsync("start Familie E.", cancellationToken: Ct);
        (string id, JsonObject card) = StepCard();

        toucher.Armed = true;
        JsonNode answer = await channel.ClickAsync(id, card, "Volgende", new Dictionary<string, string> { ["moment"] = "1" }, "mohammed", cancellationToken: Ct);

        Assert.Equal(1, toucher.Touched);
        Assert.DoesNotContain(RegieDialog.StaleMessage, answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Betrokken professionals", Title(answer["value"]!));
        IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
        DialogState? dialog = await store.GetDialogAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct);
        Assert.Equal((DialogStep.Professionals, 1), (dialog!.Step, dialog.Revision));
    }

    /// <summary>When armed, writes the dialog row (no new content, a new ETag) just before the bot's next conditional write of it.</summary>
    private sealed class DialogRowToucher(TableServiceClient service) : HttpPipelinePolicy
    {
        private int _touched;

        public bool Armed { get; set; }

        public int Touched => _touched;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            // A step writes the dialog conditionally in a transaction, with the shared card's outbox item:
            // "PUT …/{table}(PartitionKey='..',RowKey='dialog')" with an If-Match inside the $batch body.
            string body = Armed && message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
                ? Uri.UnescapeDataString(Storage.LoseOneResponse.BodyOf(message))
                : string.Empty;
            if (body.Contains(",RowKey='dialog')", StringComparison.Ordinal) && body.Contains("If-Match", StringComparison.OrdinalIgnoreCase))
            {
                Armed = false;
                string url = body[..body.IndexOf(",RowKey='dialog')", StringComparison.Ordinal)];
                url = url[(url.LastIndexOf('/') + 1)..];   // "{table}(PartitionKey='..'"
                string table = url[..url.IndexOf('(', StringComparison.Ordinal)];
                string partition = url.Split("PartitionKey='")[1].Split('\'')[0];
                await service.GetTableClient(table).UpdateEntityAsync(new TableEntity(partition, "dialog"), ETag.All, TableUpdateMode.Merge);
                Interlocked.Increment(ref _touched);
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task Dialog_SameClickDeliveredTwice_ChangesTheDialogOnce()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await channel.SayAsync("start Familie D.", cancellationToken: Ct);
            await NextAsync(channel, new() { ["moment"] = "1" });
            (string id, JsonObject card) = StepCard();
            Dictionary<string, string> sanne = new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente" };

            // Teams may deliver a click again (with a new id); dialog clicks skip the turn ledger and rely on their revision.
            JsonNode first = await channel.ClickAsync(id, card, "Toevoegen", sanne, cancellationToken: Ct);
            JsonNode again = await channel.ClickAsync(id, card, "Toevoegen", sanne, cancellationToken: Ct);

            Assert.DoesNotContain(RegieDialog.StaleMessage, first["value"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(RegieDialog.StaleMessage, again["value"]!.ToJsonString(), StringComparison.Ordinal);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            DialogState? dialog = await store.GetDialogAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct);
            Assert.Single(dialog!.Draft.Professionals);
            Assert.Equal(2, dialog.Revision);
        }
    }

    [Fact]
    public async Task Dialog_InvalidInput_ExplainsInDutchAndKeepsWhatWasTyped()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await channel.SayAsync("start Familie C.", cancellationToken: Ct);
            await NextAsync(channel, new() { ["moment"] = "1" });
            (string id, JsonObject card) = StepCard();

            JsonNode response = await channel.ClickAsync(id, card, "Toevoegen", new Dictionary<string, string> { ["lid"] = "extern", ["naam"] = "Kees", ["functie"] = "Mentor", ["organisatie"] = "School", ["contact"] = "BSN 123456782" }, cancellationToken: Ct);

            string json = response.ToJsonString();
            Assert.Contains("burgerservicenummer", json, StringComparison.Ordinal);
            Assert.Contains("\"value\":\"Mentor\"", json, StringComparison.Ordinal);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            Assert.Empty((await store.GetDialogAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!.Draft.Professionals);
        }
    }

    [Fact]
    public async Task Start_AliasLooksLikeBsn_IsRefusedAndNothingIsStored()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await channel.SayAsync("start 123456782", cancellationToken: Ct);

            Activity reply = _teams.Calls.Last().Activity;
            Assert.Contains("burgerservicenummer", reply.Text, StringComparison.Ordinal);
            Assert.Null(await app.Services.GetRequiredService<IKaartStore>().FindByThreadAsync(channel.ThreadId, Ct));
        }
    }

    [Fact]
    public async Task Kaart_AfterSavingAndAfterARestart_ReturnsTheKaart()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            await FinishAsync(channel);
        }

        using AzuriteBotApplicationFactory restarted = new(storage.TablePrefix, _teams);
        channel.SettledBy(restarted);
        int before = _teams.Calls.Count;

        await channel.SayAsync("kaart", cancellationToken: Ct);

        (string kind, _, _, Activity posted) = _teams.Calls.Skip(before).Single();
        Assert.Equal("send", kind);
        Assert.Contains("Kees Bakker", ChannelSimulator.CardOf(posted).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bijwerken_ProducesVersion2AndUpdatesTheCardInPlace()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            await FinishAsync(channel);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            Kaart v1 = (await store.GetKaartAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;

            await channel.SayAsync("bijwerken", cancellationToken: Ct);
            await NextAsync(channel, new() { ["moment"] = "4" });
            await NextAsync(channel);
            await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces\nNieuwe afspraak" });
            await NextAsync(channel, new() { ["afspraken"] = "Elke twee weken overleg" });
            await NextAsync(channel, new() { ["aanspreekpunt"] = "p2" });
            await NextAsync(channel, new() { ["bewaker"] = "p1" });
            Assert.Equal("Regiekaart bijgewerkt", Title(await NextAsync(channel, new() { ["datum"] = "2026-11-24", ["evaluatiedatum"] = "2027-02-24", ["besproken"] = "true" })));

            Kaart v2 = (await store.GetKaartAsync(v1.Id, Ct))!;
            Assert.Equal(2, v2.Version);
            Assert.Equal(v1.CardActivityId, v2.CardActivityId);
            Assert.Equal(2, (await store.GetVersionsAsync(v1.Id, Ct)).Count);
            Assert.Contains(_teams.Calls, c => c.Kind == "update" && c.ActivityId == v1.CardActivityId && ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains("Nieuwe afspraak", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Start_InAThreadWithAnOpenDialog_ResumesItAndStartsNoOther()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await channel.SayAsync("start Familie D.", cancellationToken: Ct);
            string firstCard = StepCard().Id;

            await channel.SayAsync("start Familie E.", cancellationToken: Ct);

            Assert.Contains(_teams.Calls, c => c.Activity.Text?.Contains("regiekaart van Familie D. al", StringComparison.Ordinal) == true);
            Assert.NotEqual(firstCard, StepCard().Id);
            Assert.Contains("Familie D.", StepCard().Card.ToJsonString(), StringComparison.Ordinal);
            Assert.Single(await app.Services.GetRequiredService<IKaartStore>().ListByChannelAsync(ChannelSimulator.ChannelId, Ct), t => t.ThreadId == channel.ThreadId);
        }
    }

    [Fact]
    public async Task Start_InAThreadThatHasASavedKaart_SaysSoAndKeepsIt()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await WalkToProfessionalsWithFourAsync(channel);
            await FinishAsync(channel);

            await channel.SayAsync("start Familie E.", cancellationToken: Ct);

            Assert.Contains("staat al de regiekaart van Familie T.", _teams.Calls.Last().Activity.Text, StringComparison.Ordinal);
        }
    }

    private async Task<(string Id, JsonObject Card)> SavedKaartAsync(ChannelSimulator channel, AzuriteBotApplicationFactory app)
    {
        await WalkToProfessionalsWithFourAsync(channel);
        await FinishAsync(channel);
        IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
        Kaart kaart = (await store.GetKaartAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
        return (kaart.CardActivityId!, ChannelSimulator.CardOf(_teams.Messages[kaart.CardActivityId!]));
    }

    private JsonObject SharedCard(string cardId) => ChannelSimulator.CardOf(_teams.Messages[cardId]);

    [Fact]
    public async Task Confirm_LinkedProfessionals_AreRecordedAndTheCardUpdatesForEveryone()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            Assert.Contains("Rol nog niet bevestigd", card.ToJsonString(), StringComparison.Ordinal);

            JsonNode sanne = await channel.ConfirmAsync(cardId, card, "sanne", Ct);
            JsonNode ahmed = await channel.ConfirmAsync(cardId, SharedCard(cardId), "ahmed", Ct);

            Assert.Contains("Je hebt je rol bevestigd op", sanne["value"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("Je hebt je rol bevestigd op", ahmed["value"]!.ToJsonString(), StringComparison.Ordinal);
            string shared = SharedCard(cardId).ToJsonString();
            Assert.Equal(2, CountOf(shared, "Rol bevestigd op"));
            Assert.Equal(1, CountOf(shared, "Rol nog niet bevestigd"));
            JsonArray refreshUsers = SharedCard(cardId)["refresh"]!["userIds"]!.AsArray();
            Assert.Equal(["29:sanne", "29:ahmed", "29:petra"], refreshUsers.Select(u => (string?)u));
        }
    }

    [Fact]
    public async Task Start_RequestPath_IsTheLedgerTheThreadClaimAndOneTransaction()
    {
        StorageRequestCounter storageRequests = new();
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start(storageRequests: storageRequests);
        using (app)
        {
            await channel.SayAsync("help", cancellationToken: Ct);   // not the first turn of the host
            storageRequests.Clear();

            await channel.SayAsync("start Familie S.", cancellationToken: Ct);

            // The turn ledger, the thread row, the dialog with its step card in the outbox. The step card follows in the
            // background: the outbox items read, the casus located (where to post), the post's record begun, the casus
            // located again (not erased meanwhile), the record completed, the item deleted. Nothing is read that cannot exist yet (the post's record), and the
            // serviceUrl comes from the turn, not from the stored conversation reference.
            Assert.Equal(["POST $batch", "POST " + storage.TablePrefix + RegieTables.Threads, "POST $batch"], storageRequests.RequestPath);
            Assert.Equal("Waarom maken jullie de regiekaart nu?", Title(StepCard().Card));
            string kaarten = storage.TablePrefix + RegieTables.Kaarten;
            Assert.Equal(["GET " + kaarten, "GET " + kaarten, "PUT " + kaarten, "GET " + kaarten, "PUT " + kaarten, "DELETE " + kaarten], storageRequests.Requests.Skip(3));
        }
    }

    [Fact]
    public async Task Confirm_WholeTurn_IsOneStorageReadAndOneConditionalWrite()
    {
        StorageRequestCounter storageRequests = new();
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start(storageRequests: storageRequests);
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            await channel.ConfirmAsync(cardId, card, "sanne", Ct);
            JsonObject ahmedsView = await channel.RefreshAsync(cardId, SharedCard(cardId), "ahmed", Ct);
            storageRequests.Clear();

            JsonNode ahmed = await channel.ClickAsync(cardId, ahmedsView, "Ik bevestig mijn rol", user: "ahmed", cancellationToken: Ct);

            // The turn reads the snapshot once and writes once: the confirmation, the seal and the shared card's outbox item in
            // one batch. The shared card and the channel tab's summary follow in the relay, which removes both items (one
            // batch) once the card shows it.
            Assert.Equal(["GET " + storage.TablePrefix + RegieTables.Kaarten, "POST $batch"], storageRequests.RequestPath);
            Assert.Equal(2, storageRequests.Requests.Count(r => r == "POST $batch"));
            Assert.Contains(storageRequests.Requests, r => r.StartsWith("MERGE ", StringComparison.Ordinal) || r.StartsWith("PATCH ", StringComparison.Ordinal));
            Assert.Contains("Je hebt je rol bevestigd op", ahmed["value"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(2, CountOf(SharedCard(cardId).ToJsonString(), "Rol bevestigd op"));
        }
    }

    [Fact]
    public async Task Confirm_ByAnOutsider_IsRefusedInDutchAndChangesNothing()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            int updates = _teams.Calls.Count(c => c.Kind == "update");

            JsonObject forSomeoneElse = await channel.RefreshAsync(cardId, card, "ahmed", Ct);
            JsonObject keesView = forSomeoneElse.DeepClone().AsObject();   // a forged click: kees is not on the kaart and has no button
            ChannelSimulator.FindActions(forSomeoneElse).First(a => (string?)a["title"] == "Ik bevestig mijn rol")["data"]!["professionalId"] = "p1";
            JsonNode refused = await channel.ClickAsync(cardId, keesView, "Ik bevestig mijn rol", user: "kees", cancellationToken: Ct);
            JsonNode notYours = await channel.ClickAsync(cardId, forSomeoneElse, "Ik bevestig mijn rol", user: "ahmed", cancellationToken: Ct);

            // A refusal is a message Teams shows to the clicker (statusCode 200), not an error code it does not know.
            Assert.Equal((200, "application/vnd.microsoft.activity.message"), ((int)refused["statusCode"]!, (string?)refused["type"]));
            Assert.Contains("Alleen de professional zelf", (string?)refused["value"], StringComparison.Ordinal);
            Assert.Equal("Je kunt alleen je eigen rol bevestigen, niet die van een ander.", (string?)notYours["value"]);
            Assert.Equal(updates, _teams.Calls.Count(c => c.Kind == "update"));
            KaartSnapshot? snapshot = await app.Services.GetRequiredService<IKaartStore>().GetSnapshotAsync((await app.Services.GetRequiredService<IKaartStore>().FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct);
            Assert.Empty(snapshot!.Confirmations);
        }
    }

    [Fact]
    public async Task Confirm_Twice_IsRecordedOnce()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);

            JsonObject own = await channel.RefreshAsync(cardId, card, "petra", Ct);
            await channel.ClickAsync(cardId, own, "Ik bevestig mijn rol", user: "petra", cancellationToken: Ct);
            JsonNode again = await channel.ClickAsync(cardId, own, "Ik bevestig mijn rol", user: "petra", cancellationToken: Ct);

            Assert.Equal(200, (int)again["statusCode"]!);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            KaartSnapshot? snapshot = await store.GetSnapshotAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct);
            Assert.Single(snapshot!.Confirmations);
        }
    }

    [Fact]
    public async Task Bijwerken_ResetsOnlyTheConfirmationsItConcernsAndGeschiedenisSaysWhatChanged()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            await channel.ConfirmAsync(cardId, card, "sanne", Ct);
            await channel.ConfirmAsync(cardId, SharedCard(cardId), "petra", Ct);

            await channel.SayAsync("bijwerken", cancellationToken: Ct);
            await NextAsync(channel, new() { ["moment"] = "4" });
            await NextAsync(channel);
            await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces en belt de school" });
            await NextAsync(channel, new() { ["afspraken"] = "Elke twee weken overleg" });
            await NextAsync(channel, new() { ["aanspreekpunt"] = "p2" });
            await NextAsync(channel, new() { ["bewaker"] = "p1" });
            await NextAsync(channel, new() { ["datum"] = "2026-11-24", ["evaluatiedatum"] = "2027-02-24", ["besproken"] = "true" });

            string shared = SharedCard(cardId).ToJsonString();
            Assert.Equal(1, CountOf(shared, "Rol bevestigd op"));   // Petra kept; Sanne's agreement changed
            int before = _teams.Calls.Count;
            await channel.SayAsync("geschiedenis", cancellationToken: Ct);
            string history = _teams.Calls.Skip(before).Single().Activity.Text!;
            Assert.Contains("Versie 1 —", history, StringComparison.Ordinal);
            Assert.Contains("Versie 2 —", history, StringComparison.Ordinal);
            Assert.Contains("1. Gemaakte afspraken over regievoeren: „", history, StringComparison.Ordinal);
            Assert.Contains("” → „Sanne bewaakt het proces en belt de school”", history, StringComparison.Ordinal);
            Assert.Contains("Evaluatiedatum: 23 februari 2027 → 24 februari 2027", history, StringComparison.Ordinal);
            Assert.Contains("door Sanne de Vries", history, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Propose_PostsInTheThreadMentioningTheBewakerAndMarksTheCard()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            JsonObject showCard = FindShowCard(card);

            JsonNode response = await channel.ClickAsync(cardId, showCard, "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Petra neemt de casusregie over" }, user: "ahmed", cancellationToken: Ct);

            Assert.Equal(200, (int)response["statusCode"]!);
            JsonObject posted = _teams.Calls.Where(c => c.Kind == "send").Select(c => ChannelSimulator.CardOf(c.Activity)).Last(c => c.ToJsonString().Contains("Wijziging voorgesteld", StringComparison.Ordinal));
            JsonNode mention = posted["msteams"]!["entities"]![0]!;
            Assert.Equal("29:sanne", (string?)mention["mentioned"]!["id"]);
            Assert.Contains((string)mention["text"]!, (string?)posted["body"]![3]!["text"], StringComparison.Ordinal);
            Assert.Contains("Petra neemt de casusregie over", SharedCard(cardId).ToJsonString(), StringComparison.Ordinal);
        }
    }

    private static JsonObject FindShowCard(JsonObject card, string title = "Wijziging voorstellen") =>
        ChannelSimulator.ShowCardOf(card, title);

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Bijwerken_EvaluationAnsweredWhileTheDraftIsOpen_IsNotRevertedBySavingTheDraft()
    {
        Reminders.MovableTime time = new();
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start("P3M", time);
        using (app)
        {
            await SavedKaartAsync(channel, app);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;
            await channel.SayAsync("bijwerken", cancellationToken: Ct);
            await NextAsync(channel, new() { ["moment"] = "4" });
            await NextAsync(channel);
            await NextAsync(channel, new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces" });
            await NextAsync(channel, new() { ["afspraken"] = "Elke twee weken overleg" });
            await NextAsync(channel, new() { ["aanspreekpunt"] = "p2" });
            JsonNode afronding = await NextAsync(channel, new() { ["bewaker"] = "p1" });
            string proposedDatum = Input(afronding, "datum");
            string proposedEvaluation = Input(afronding, "evaluatiedatum");

            // Two days later, with the draft still open, the evaluation is answered: the agreements stand.
            time.Jump(TimeSpan.FromDays(2));
            await channel.SayAsync("evaluatie", user: "petra", cancellationToken: Ct);
            (string evaluationId, JsonObject evaluation) = EvaluationCards(channel).Last();
            await channel.ClickAsync(evaluationId, evaluation, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);
            DateOnly answered = (await store.GetKaartAsync(kaartId, Ct))!.Content.Evaluatiedatum!.Value;
            Assert.True(answered > DateOnly.Parse(proposedEvaluation, System.Globalization.CultureInfo.InvariantCulture), $"{answered} after {proposedEvaluation}");

            Assert.Equal("Regiekaart bijgewerkt", Title(await NextAsync(channel, new() { ["datum"] = proposedDatum, ["evaluatiedatum"] = proposedEvaluation, ["besproken"] = "true" })));

            Kaart saved = (await store.GetKaartAsync(kaartId, Ct))!;
            Assert.Equal(3, saved.Version);   // v1, the evaluation answer v2, the update v3
            Assert.Equal(answered, saved.Content.Evaluatiedatum);
        }
    }

    private static string Input(JsonNode card, string id) =>
        ChannelSimulator.FindInputs(card).First(i => (string?)i["id"] == id)["value"]!.GetValue<string>();

    [Fact]
    public async Task Evaluation_DemoPeriod_ArrivesInTheThreadOnceAndItsButtonsWork()
    {
        Reminders.MovableTime time = new();
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start("PT20S", time);
        using (app)
        {
            (string cardId, _) = await SavedKaartAsync(channel, app);
            RegieBot.Evaluation.ReminderDispatcher dispatcher = app.Services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>();
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;

            await dispatcher.DispatchDueAsync(Ct);
            Assert.Empty(EvaluationCards(channel));   // not yet: twenty seconds have not passed

            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            await dispatcher.DispatchDueAsync(Ct);
            (string evaluationId, JsonObject evaluation) = Assert.Single(EvaluationCards(channel));
            string[] mentioned = [.. evaluation["msteams"]!["entities"]!.AsArray().Select(e => (string)e!["mentioned"]!["id"]!)];
            Assert.Equal(["29:sanne", "29:ahmed"], mentioned);   // the bewaker and the aanspreekpunt
            Assert.Contains("Helpt wat we doen hierbij?", evaluation.ToJsonString(), StringComparison.Ordinal);

            JsonNode answered = await channel.ClickAsync(evaluationId, evaluation, "Afspraken blijven staan", user: "petra", cancellationToken: Ct);
            Assert.Contains("Afspraken blijven staan (Petra Jansen", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(2, (await store.GetKaartAsync(kaartId, Ct))!.Version);
            Assert.DoesNotContain(ChannelSimulator.FindActions(SharedCard(evaluationId)), a => (string?)a["title"] == "Afspraken blijven staan");

            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            Assert.Equal(2, EvaluationCards(channel).Count);   // the next evaluation, one period on
            Assert.Empty(EscalationCards());                   // the first one was answered

            (string secondId, JsonObject second) = EvaluationCards(channel).Last();
            JsonNode later = await channel.ClickAsync(secondId, second, "Herinner over een week", user: "ahmed", cancellationToken: Ct);
            Assert.Contains("Herinnering verzet door Ahmed El Amrani", later["value"]!.ToJsonString(), StringComparison.Ordinal);

            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            (string thirdId, _) = EvaluationCards(channel).Last();
            Assert.Equal(3, EvaluationCards(channel).Count);

            time.Jump(TimeSpan.FromSeconds(21));   // nobody answers the third one: it is escalated, once
            await dispatcher.DispatchDueAsync(Ct);
            time.Jump(TimeSpan.FromSeconds(21));
            await dispatcher.DispatchDueAsync(Ct);
            JsonObject escalation = Assert.Single(EscalationCards());
            Assert.Equal("29:sanne", (string?)escalation["msteams"]!["entities"]![0]!["mentioned"]!["id"]);   // Sanne holds procesregie
            Assert.NotEqual(thirdId, cardId);
        }
    }

    [Fact]
    public async Task Opschalen_Command_MentionsTheProcesregisseurWithTheReason()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await SavedKaartAsync(channel, app);

            await channel.SayAsync("opschalen de school reageert al weken niet", user: "ahmed", cancellationToken: Ct);

            JsonObject escalation = Assert.Single(EscalationCards());
            Assert.Contains("de school reageert al weken niet", escalation.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("29:sanne", (string?)escalation["msteams"]!["entities"]![0]!["mentioned"]!["id"]);
        }
    }

    private List<(string Id, JsonObject Card)> EvaluationCards(ChannelSimulator channel) =>
        [.. _teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
            .Select(c => (c.ActivityId!, ChannelSimulator.CardOf(c.Activity)))
            .Where(c => (string?)c.Item2["body"]?[0]?["text"] == "Evaluatie van de regiekaart")];

    private List<JsonObject> EscalationCards() =>
        [.. _teams.Calls.Where(c => c.Kind == "send").Select(c => ChannelSimulator.CardOf(c.Activity))
            .Where(c => ((string?)c["body"]?[0]?["text"])?.StartsWith("Opgeschaald", StringComparison.Ordinal) == true)];

    [Fact]
    public async Task Membership_LinkedProfessionalLeavesOrMembersJoin_NoticeInTheThread()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await SavedKaartAsync(channel, app);
            int before = _teams.Calls.Count;

            await channel.TeamEventAsync("conversationUpdate", "teamMemberRemoved", removed: [new JsonObject { ["id"] = "29:someone-else", ["aadObjectId"] = "aad-someone-else" }], cancellationToken: Ct);
            Assert.Equal(before, _teams.Calls.Count);   // not on this kaart: no notice

            await channel.TeamEventAsync("conversationUpdate", "teamMemberRemoved", removed: [new JsonObject { ["id"] = "29:petra", ["aadObjectId"] = "aad-petra" }], cancellationToken: Ct);
            await channel.TeamEventAsync("conversationUpdate", "teamMemberAdded", added: [new JsonObject { ["id"] = "29:nieuw", ["aadObjectId"] = "aad-nieuw" }], cancellationToken: Ct);

            // Other tests' kaarten live in the same mock team and get their notices too: look at this thread.
            JsonObject[] notices = [.. _teams.Calls.Skip(before).Where(c => c.ConversationId == channel.ThreadId).Select(c => ChannelSimulator.CardOf(c.Activity))];
            Assert.Equal(2, notices.Length);
            Assert.All(notices, n => Assert.StartsWith("Betrokkenheid gewijzigd", (string?)n["body"]![0]!["text"], StringComparison.Ordinal));
            Assert.Contains("Petra Jansen staat op deze kaart en is uit het team verwijderd.", notices[0].ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Uninstall_StopsTheRemindersAndReinstallResumesThem()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        using (app)
        {
            await SavedKaartAsync(channel, app);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            IReminderStore reminders = app.Services.GetRequiredService<IReminderStore>();
            string kaartId = (await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId;
            Assert.Equal(ReminderStatus.Scheduled, (await reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, Ct))!.Status);

            await channel.TeamEventAsync("installationUpdate", action: "remove", cancellationToken: Ct);
            Assert.Equal(ReminderStatus.Cancelled, (await reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, Ct))!.Status);

            await channel.TeamEventAsync("installationUpdate", action: "add", cancellationToken: Ct);
            ReminderState? resumed = await reminders.GetStateAsync(kaartId, ReminderKind.Evaluatie, Ct);
            Assert.Equal(ReminderStatus.Scheduled, resumed!.Status);
            Assert.Equal(new DateTimeOffset(2027, 2, 23, 8, 0, 0, TimeSpan.Zero), resumed.DueAt);   // 23 Feb 2027, 09:00 in Amsterdam
        }
    }
}
