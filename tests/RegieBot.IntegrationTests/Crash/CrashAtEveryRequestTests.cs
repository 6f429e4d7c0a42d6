using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Turns;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Outbox;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>
/// Proof of "one commit per operation": each operation runs once per storage request N = 1…k (k: the requests the
/// operation and everything that follows from it make), with request N the last the process ever completes, once as
/// "never reached storage" and once as "reached storage, response lost". Then a fresh host starts on the same tables,
/// runs the outbox sweep, and the invariants are checked as a user would meet them:
/// I1 the operation is fully visible or not at all (never "opgeslagen" without a kaart that commands find);
/// I2 the thread is not blocked (start works again, or the interrupted dialog resumes);
/// I3 an active kaart has exactly one scheduled evaluation reminder;
/// I4 after verwijderen, nothing in any table and no card shows the casus;
/// I5 every Teams card the bot posted is recorded, except at most one posted in the window before its id is stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class CrashAtEveryRequestTests
{
    private const string Casus = "Familie T.";

    private static readonly Dictionary<string, string> Settings = new()
    {
        // The intents are due at once, and no background sweep runs by itself: the test runs it in the fresh host.
        ["RegieBot:Outbox:Grace"] = "00:00:00",
        // The relay holds a lease on its intent; the fresh host, a minute later, finds it run out.
        ["RegieBot:Outbox:Lease"] = "00:00:30",
        ["RegieBot:Outbox:SweepInterval"] = "01:00:00",
        ["RegieBot:Reminders:PollInterval"] = "01:00:00",
        // A reminder claimed by the crashed instance can be claimed again by the next one a minute later.
        ["RegieBot:Reminders:ClaimLease"] = "00:00:10",
        ["RegieBot:Reminders:RetryDelay"] = "00:00:01",
    };

    public enum Operation
    {
        Start,
        Step,
        Save,
        Confirm,
        Verwijderen,
        Propose,
        Opschalen,
        EvaluatieBlijven,
        EvaluatieLater,
        Afsluiten,
        MemberLeaves,
        MeetingStarts,
        ReminderDispatch,
        RetentionSweep,
    }

    /// <summary>
    /// Every run starts at this moment, whatever the real date: Monday 7 December 2026, 09:30 in Amsterdam. Three
    /// months on is a Sunday, so "Afspraken blijven staan" proposes the Monday after it, and the reminder comes on
    /// that same day. With the real date, this suite failed on the days whose date three months on is a weekend.
    /// </summary>
    internal static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Operation.Start)]
    [InlineData(Operation.Step)]
    [InlineData(Operation.Save)]
    [InlineData(Operation.Confirm)]
    [InlineData(Operation.Verwijderen)]
    [InlineData(Operation.Propose)]
    [InlineData(Operation.Opschalen)]
    [InlineData(Operation.EvaluatieBlijven)]
    [InlineData(Operation.EvaluatieLater)]
    [InlineData(Operation.Afsluiten)]
    [InlineData(Operation.MemberLeaves)]
    [InlineData(Operation.MeetingStarts)]
    [InlineData(Operation.ReminderDispatch)]
    [InlineData(Operation.RetentionSweep)]
    public async Task Operation_CrashAtEveryStorageRequest_LeavesEveryInvariantIntact(Operation operation)
    {
        int k = await RunAsync(operation, crashAt: null, lost: false, failures: []);
        Assert.True(k > 0, "The operation made no storage request.");
        List<string> failures = [];
        int runs = 0;
        foreach (bool lost in new[] { false, true })
        {
            for (int n = 1; n <= k; n++)
            {
                runs++;
                await RunAsync(operation, n, lost, failures);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{operation}: k = {k} storage requests, {runs} crash runs, {failures.Count} invariant failures");
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} runs broke an invariant:\n" + string.Join("\n", failures));
    }

    /// <returns>The storage requests the armed phase made (for an unarmed run: k).</returns>
    private static async Task<int> RunAsync(Operation operation, int? crashAt, bool lost, List<string> failures)
    {
        string run = crashAt is null ? "baseline" : $"N={crashAt} {(lost ? "response lost" : "not sent")}";
        AzuriteStorage storage = new();
        await storage.InitializeAsync();
        try
        {
            ProcessCrash crash = new();
            RecordingConnector teams = new();
            ChannelSimulator channel;
            JsonNode? answer = null;
            Reminders.MovableTime time = new(Start);
            TimeSpan travel = TimeTravel(operation, time.GetUtcNow());
            using (AzuriteBotApplicationFactory first = new(storage.TablePrefix, new CrashingConnector(teams, crash), time: time, storagePolicy: crash, settings: Settings))
            {
                channel = ChannelSimulator.For(first);
                Script script = new(channel, teams, first.Services);
                await script.PrepareAsync(operation);
                time.Jump(travel);
                crash.Arm(crashAt, lost);
                try
                {
                    answer = await script.ActAsync(operation);
                }
                catch (Exception ex) when (ex is HttpRequestException or ProcessCrashedException or InvalidOperationException)
                {
                    // The process died during the turn: the caller sees an error, or nothing.
                }
            }

            int requests = crash.Count;
            // The instance comes back (or another takes over) and the user tries again a minute later.
            using AzuriteBotApplicationFactory second = new(
                storage.TablePrefix, teams, time: new Reminders.ShiftedTime(time.GetUtcNow() + TimeSpan.FromMinutes(1)), settings: Settings);
            channel.SettledBy(second);
            await second.Services.GetRequiredService<OutboxRelay>().SweepAsync(Ct);
            await second.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();
            string? broken = await new Checks(channel, teams, storage, second.Services).VerifyAsync(operation, answer);
            await second.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();
            broken ??= await SummaryInStepAsync(second.Services, channel);
            if (broken is not null)
            {
                failures.Add($"{operation} {run}: {broken}");
                if (crashAt is null)
                {
                    Assert.Fail($"Without a crash: {broken}");
                }
            }

            return requests;
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    /// <summary>
    /// The channel tab's summary on the thread row of a saved kaart shows what is stored (the tab reads only that), once
    /// the user's checks (a retry, a card refresh) are done.
    /// </summary>
    private static async Task<string?> SummaryInStepAsync(IServiceProvider services, ChannelSimulator channel)
    {
        IKaartStore store = services.GetRequiredService<IKaartStore>();
        foreach (ThreadKaart thread in (await store.ListByChannelAsync(ChannelSimulator.ChannelId, Ct)).Where(t => t.ThreadId == channel.ThreadId && t.Saved))
        {
            if (await store.GetSnapshotAsync(thread.KaartId, Ct) is not { } snapshot)
            {
                continue;   // being erased: the eraser's own checks apply
            }

            string expected = System.Text.Json.JsonSerializer.Serialize(ChannelSummary.Of(snapshot));
            string shown = thread.Summary is null ? "none" : System.Text.Json.JsonSerializer.Serialize(thread.Summary);
            if (shown != expected)
            {
                return $"the channel tab's summary is not in step with the kaart: {shown} instead of {expected}";
            }
        }

        return null;
    }

    /// <summary>What users do: the dialog up to the operation, and the operation itself.</summary>
    private sealed partial class Script(ChannelSimulator channel, RecordingConnector teams, IServiceProvider services)
    {
        public async Task PrepareAsync(Operation operation)
        {
            if (operation == Operation.Start)
            {
                return;
            }

            await channel.SayAsync("start " + Casus, cancellationToken: Ct);
            if (operation == Operation.Step)
            {
                return;
            }

            await WalkToSaveAsync();
            if (operation == Operation.Save)
            {
                return;
            }

            Require(Title(await SaveAsync()) == "Regiekaart opgeslagen", "the preparation did not save");
            if (operation == Operation.Verwijderen)
            {
                await channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            }

            await PrepareLaterAsync(operation);
        }

        public async Task<JsonNode?> ActAsync(Operation operation)
        {
            switch (operation)
            {
                case Operation.Start:
                    await channel.SayAsync("start " + Casus, cancellationToken: Ct);
                    return null;
                case Operation.Step:
                    return await NextAsync(new() { ["moment"] = "1" });
                case Operation.Save:
                    return await SaveAsync();
                case Operation.Confirm:
                    (string cardId, JsonObject card) = KaartCard();
                    return await channel.ClickConfirmAsync(cardId, card, "sanne", Ct);
                case Operation.Verwijderen:
                    (string questionId, JsonObject question) = LatestCardWithVerb(RegieBot.Cards.DeleteCard.Verb);
                    return await channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);
                default:
                    return await ActLaterAsync(operation);
            }
        }

        public async Task WalkToSaveAsync()
        {
            await NextAsync(new() { ["moment"] = "1" });
            await AddAsync(new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie" });
            await AddAsync(new() { ["lid"] = "aad-ahmed", ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" });
            await AddAsync(new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" });
            await AddAsync(new() { ["lid"] = "extern", ["naam"] = "Kees Bakker", ["functie"] = "Intern begeleider", ["organisatie"] = "School", ["contact"] = "k.bakker@example.org" });
            await NextAsync();
            await NextAsync(new() { ["afspraken"] = "Ahmed heeft de casusregie" });
            await NextAsync(new() { ["afspraken"] = "Elke twee weken overleg" });
            await NextAsync(new() { ["aanspreekpunt"] = "p2" });
            Require(Title(await NextAsync(new() { ["bewaker"] = "p1" })) == "Datum en evaluatie", "the dialog did not reach its last step");
        }

        public Task<JsonNode> SaveAsync() =>
            NextAsync(new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }, "Opslaan");

        public async Task<JsonNode> NextAsync(Dictionary<string, string>? inputs = null, string button = "Volgende")
        {
            (string id, JsonObject card) = StepCard();
            JsonNode response = await channel.ClickAsync(id, card, button, inputs, cancellationToken: Ct);
            return response;
        }

        public (string Id, JsonObject Card) StepCard() =>
            teams.Messages
                .Where(m => ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("\"verb\":\"dialoog\"", StringComparison.Ordinal))
                .OrderByDescending(m => m.Key, StringComparer.Ordinal)
                .Select(m => (m.Key, ChannelSimulator.CardOf(m.Value)))
                .First();

        public (string Id, JsonObject Card) KaartCard() =>
            teams.Messages
                .Where(m => ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal))
                .OrderByDescending(m => m.Key, StringComparer.Ordinal)
                .Select(m => (m.Key, ChannelSimulator.CardOf(m.Value)))
                .First();

        public (string Id, JsonObject Card) LatestCardWithVerb(string verb) =>
            teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId)
                .Select(c => (c.ActivityId!, ChannelSimulator.CardOf(c.Activity)))
                .Last(c => ChannelSimulator.FindActions(c.Item2).Any(a => (string?)a["verb"] == verb));

        public static string? Title(JsonNode? response) => (string?)response?["value"]?["body"]?[1]?["text"];

        private async Task AddAsync(Dictionary<string, string> inputs)
        {
            (string id, JsonObject card) = StepCard();
            await channel.ClickAsync(id, card, "Toevoegen", inputs, cancellationToken: Ct);
        }

        private static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException(what);
            }
        }
    }

    /// <summary>The invariants, checked through the fresh host and its storage; null when all hold.</summary>
    private sealed partial class Checks(ChannelSimulator channel, RecordingConnector teams, AzuriteStorage storage, IServiceProvider services)
    {
        private readonly Script _script = new(channel, teams, services);
        private readonly IKaartStore _store = services.GetRequiredService<IKaartStore>();

        public async Task<string?> VerifyAsync(Operation operation, JsonNode? answer)
        {
            return operation switch
            {
                Operation.Start or Operation.Step => await DialogGoesOnAsync(),
                Operation.Save => await SavedAsync(answer),
                Operation.Confirm => await ConfirmedAsync(),
                Operation.Verwijderen => await ErasedAsync(),
                _ => await VerifyLaterAsync(operation),
            };
        }

        /// <summary>I2: <c>start</c> in the thread starts or resumes the dialog, and it can be answered.</summary>
        private async Task<string?> DialogGoesOnAsync()
        {
            await channel.SayAsync("start " + Casus, cancellationToken: Ct);
            IReadOnlyList<ThreadKaart> threads = [.. (await _store.ListByChannelAsync(ChannelSimulator.ChannelId, Ct)).Where(t => t.ThreadId == channel.ThreadId)];
            if (threads.Count != 1)
            {
                return $"{threads.Count} thread rows after start";
            }

            if (await _store.GetDialogAsync(threads[0].KaartId, Ct) is not { Status: DialogStatus.Open } dialog)
            {
                return "the thread's dialog is not open after start";
            }

            if (dialog.Step == DialogStep.Moment)
            {
                JsonNode moment = await _script.NextAsync(new() { ["moment"] = "1" });
                if (Script.Title(moment) != "Betrokken professionals")
                {
                    return "the resumed dialog does not go on: " + Script.Title(moment);
                }
            }

            DialogState? now = await _store.GetDialogAsync(threads[0].KaartId, Ct);
            return now is { Step: DialogStep.Professionals, Status: DialogStatus.Open } ? null : $"the dialog is at {now?.Step} ({now?.Status})";
        }

        /// <summary>I1, I3, I5 for a save: "opgeslagen" means found; otherwise the user saves again and then everything is in step.</summary>
        private async Task<string?> SavedAsync(JsonNode? answer)
        {
            bool said = Script.Title(answer) == "Regiekaart opgeslagen";
            Kaart? kaart = await KaartAsync();
            if (said && kaart is null)
            {
                return "the user was told 'opgeslagen' but there is no kaart";
            }

            if (kaart is null)
            {
                await channel.SayAsync("start " + Casus, cancellationToken: Ct);   // resumes the dialog where it stopped
                (_, JsonObject step) = _script.StepCard();
                if (!step.ToJsonString().Contains("Datum en evaluatie", StringComparison.Ordinal))
                {
                    return "after the crash the dialog does not resume at its last step";
                }

                if (Script.Title(await _script.SaveAsync()) != "Regiekaart opgeslagen")
                {
                    return "saving again after the crash fails";
                }

                kaart = await KaartAsync();
                if (kaart is null)
                {
                    return "saving again after the crash stored no kaart";
                }
            }

            return await InStepAsync(kaart);
        }

        private async Task<string?> InStepAsync(Kaart kaart)
        {
            if (await _store.FindByThreadAsync(channel.ThreadId, Ct) is not { Saved: true })
            {
                return "the thread row does not say saved (kaart, bijwerken and status would not find it)";
            }

            if ((await _store.GetVersionsAsync(kaart.Id, Ct)).Count != 1)
            {
                return "not exactly one version";
            }

            IReminderStore reminders = services.GetRequiredService<IReminderStore>();
            if (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct) is not { Status: ReminderStatus.Scheduled })
            {
                return "I3: no scheduled evaluation reminder";
            }

            int dueRows = await CountAsync(RegieTables.Reminders, e => e.PartitionKey == "due" && e.RowKey.Contains(kaart.Id, StringComparison.Ordinal));
            if (dueRows != 1)
            {
                return $"I3: {dueRows} due rows for the kaart";
            }

            foreach (string aad in new[] { "aad-sanne", "aad-ahmed", "aad-petra" })
            {
                if (!(await _store.ListByMemberAsync(aad, Ct)).Any(m => m.KaartId == kaart.Id))
                {
                    return "the member index misses " + aad;
                }
            }

            if (kaart.CardActivityId is not { } cardId || !teams.Messages.TryGetValue(cardId, out Protocol.Schema.Activity? card)
                || !ChannelSimulator.CardOf(card).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal))
            {
                return "the kaart card is not posted or not recorded";
            }

            int orphans = teams.Messages.Count(m => m.Key != cardId && ChannelSimulator.CardOf(m.Value).ToJsonString().Contains("Betrokken professionals:", StringComparison.Ordinal));
            if (orphans > 1)
            {
                return $"I5: {orphans} kaart cards posted that the kaart does not know";
            }

            if (await CountAsync(RegieTables.Work, _ => true) != 0 || await CountAsync(RegieTables.Kaarten, e => e.RowKey.StartsWith("x-", StringComparison.Ordinal)) != 0)
            {
                return "outbox work is left after the sweep";
            }

            int before = teams.Calls.Count;
            await channel.SayAsync("kaart", cancellationToken: Ct);
            bool shown = teams.Calls.Skip(before).Any(c => ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains(Casus, StringComparison.Ordinal));
            return shown ? null : "I1: 'kaart' does not show the saved kaart";
        }

        /// <summary>The confirmation is stored (now, or after clicking again) and the shared card shows it.</summary>
        private async Task<string?> ConfirmedAsync()
        {
            Kaart kaart = (await KaartAsync())!;
            KaartSnapshot? snapshot = await _store.GetSnapshotAsync(kaart.Id, Ct);
            if (snapshot is null || !snapshot.Confirmations.Any(c => c.AadObjectId == "aad-sanne"))
            {
                (string cardId, JsonObject card) = _script.KaartCard();
                JsonNode again = await channel.ClickConfirmAsync(cardId, card, "sanne", Ct);
                if (!again.ToJsonString().Contains("Je hebt je rol bevestigd op", StringComparison.Ordinal))
                {
                    return "confirming again after the crash fails";
                }
            }

            snapshot = await _store.GetSnapshotAsync(kaart.Id, Ct);
            if (snapshot is null || snapshot.Confirmations.Count(c => c.AadObjectId == "aad-sanne") != 1)
            {
                return "not exactly one confirmation of sanne";
            }

            // The shared card follows the commit in the background, through an outbox item without intent; after a crash
            // the next viewer whose card refreshes (a minute later) has the waiting item applied.
            // (Teams refreshes the card for each viewer who sees it.)
            (string id, JsonObject shared) = _script.KaartCard();
            await channel.RefreshAsync(id, shared, "ahmed", Ct);
            (_, shared) = _script.KaartCard();

            if (await CountAsync(RegieTables.Kaarten, e => e.RowKey.StartsWith("x-", StringComparison.Ordinal)) != 0)
            {
                return "the shared card's outbox item is left after a refresh";
            }

            return shared.ToJsonString().Contains("Rol bevestigd op", StringComparison.Ordinal) ? null : "the shared card does not show the confirmation";
        }

        /// <summary>I4: erased everywhere (now, or after the member answers the question again).</summary>
        private async Task<string?> ErasedAsync()
        {
            ThreadKaart? thread = await _store.FindByThreadAsync(channel.ThreadId, Ct);
            string kaartId = thread?.KaartId ?? KaartIdOfTheQuestion();
            if ((await TracesAsync(kaartId)).Count > 0)
            {
                if (thread is null)
                {
                    return "I4: the thread no longer finds the casus, yet data of it is left: " + string.Join("; ", await TracesAsync(kaartId));
                }

                (string questionId, JsonObject question) = _script.LatestCardWithVerb(RegieBot.Cards.DeleteCard.Verb);
                await channel.ClickAsync(questionId, question, "Ja, verwijder alles", user: "petra", cancellationToken: Ct);
            }

            return await GoneAsync(kaartId);
        }

        /// <summary>I4: no row in any table and no message the bot posted shows the casus.</summary>
        private async Task<string?> GoneAsync(string kaartId)
        {
            List<string> left = await TracesAsync(kaartId);
            if (left.Count > 0)
            {
                return "I4: data of the casus left: " + string.Join("; ", left);
            }

            foreach ((string id, Protocol.Schema.Activity message) in teams.Messages)
            {
                string shown = (message.Text ?? string.Empty) + ChannelSimulator.CardOf(message).ToJsonString();
                if (shown.Contains("Kees Bakker", StringComparison.Ordinal) || shown.Contains("Ahmed heeft de casusregie", StringComparison.Ordinal))
                {
                    return $"I4: message {id} still shows the casus";
                }
            }

            return null;
        }

        private string KaartIdOfTheQuestion(string verb = RegieBot.Cards.DeleteCard.Verb)
        {
            (_, JsonObject question) = _script.LatestCardWithVerb(verb);
            return ChannelSimulator.FindActions(question).Select(a => (string?)a["data"]?["kaartId"]).First(id => id is not null)!;
        }

        private async Task<Kaart?> KaartAsync() =>
            await _store.FindByThreadAsync(channel.ThreadId, Ct) is { } thread ? await _store.GetKaartAsync(thread.KaartId, Ct) : null;

        private async Task<int> CountAsync(string table, Func<TableEntity, bool> which)
        {
            int count = 0;
            await foreach (TableEntity entity in storage.Tables.Get(table).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                count += which(entity) ? 1 : 0;
            }

            return count;
        }

        private async Task<List<string>> TracesAsync(string kaartId)
        {
            string[] traces = [kaartId, TableKey.Encode(kaartId), channel.ThreadId, TableKey.Encode(channel.ThreadId), TurnKeys.PartitionOf(channel.ThreadId)];
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

                    if (traces.Any(t => text.ToString().Contains(t, StringComparison.Ordinal)))
                    {
                        found.Add($"{name}: {entity.PartitionKey} / {entity.RowKey}");
                    }
                }
            }

            return found;
        }
    }
}
