using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Protocol.Schema;

namespace RegieBot.Testing.Teams.Fuzz;

/// <summary>
/// One button of a card the bot posted or answered with: its <c>Action.Execute</c> verb and data with the card's inputs
/// filled in as a user would (what Teams sends), its <c>Action.Submit</c> fallback when it has one, and where it is.
/// </summary>
public sealed record CardClick(string Verb, JsonObject Data, JsonObject? Submit, string ConversationId, string ReplyToId, bool Refresh)
{
    /// <summary>The click as the <c>adaptiveCard/action</c> invoke Teams sends, by the fuzz user.</summary>
    public JsonObject Invoke(string trigger)
    {
        JsonObject activity = FuzzSeeds.Base("invoke", ConversationId, "channel");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = ReplyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "a1", ["verb"] = Verb, ["data"] = Data.DeepClone() },
            ["trigger"] = trigger,
        };
        return activity;
    }

    /// <summary>The click as the <c>Action.Submit</c> fallback message of a client without Universal Actions.</summary>
    public JsonObject SubmitMessage()
    {
        JsonObject activity = FuzzSeeds.Base("message", ConversationId, "channel");
        activity["replyToId"] = ReplyToId;
        JsonObject value = (Submit ?? Data).DeepClone().AsObject();
        value["verb"] ??= Verb;
        activity["value"] = value;
        return activity;
    }
}

/// <summary>
/// The cards of a real dialog, as fuzz seeds: <see cref="RecordAsync"/> walks <c>start</c>, every step and the save
/// through a host as the fuzz user (<see cref="FuzzSeeds.Roster"/>), asks for the kaart's other cards (close, delete,
/// evaluation, escalation, the user's own view with "bevestigen") and starts an update dialog, and keeps every button
/// of every card it saw. Clicked in the kaart's thread by a member on its roster, they pass the card-action gate, so
/// the fuzzer reaches the handlers behind it. For a verb no card showed, a click with the real kaart id is added.
/// </summary>
public sealed class DialogCards
{
    /// <summary>The commands that make the saved kaart's cards appear in its thread (update last: it starts a dialog).</summary>
    private static readonly string[] KaartCommands = ["kaart", "status", "evaluatie", "opschalen het loopt vast", "afsluiten", "verwijderen", "geschiedenis", "bijwerken"];

    private DialogCards(string threadId, string kaartId, IReadOnlyList<CardClick> clicks)
    {
        ThreadId = threadId;
        KaartId = kaartId;
        Clicks = clicks;
    }

    public string ThreadId { get; }

    public string KaartId { get; }

    public IReadOnlyList<CardClick> Clicks { get; }

    /// <summary>The verbs of the buttons the bot showed (before the added ones).</summary>
    public IReadOnlyCollection<string> ShownVerbs { get; private init; } = [];

    /// <summary>Three seeds a click: the invoke (manual and automatic) and the Submit fallback message.</summary>
    public int SeedCount => Clicks.Count * 3;

    public JsonObject Seed(int index)
    {
        CardClick click = Clicks[index / 3 % Clicks.Count];
        return (index % 3) switch
        {
            0 => click.Invoke(click.Refresh ? "automatic" : "manual"),
            1 => click.Invoke(click.Refresh ? "manual" : "automatic"),
            _ => click.SubmitMessage(),
        };
    }

    /// <summary>
    /// <paramref name="count"/> seeds that click on the cards <paramref name="current"/> gives at the moment of rendering
    /// (a run that drives a new dialog now and then swaps them).
    /// </summary>
    public static IReadOnlyList<Func<JsonObject>> Seeds(Func<DialogCards> current, int count)
    {
        ArgumentNullException.ThrowIfNull(current);
        return [.. Enumerable.Range(0, count).Select(i => (Func<JsonObject>)(() => current().Seed(i)))];
    }

    /// <summary>
    /// Drives a real dialog in <paramref name="threadId"/> through the host behind <paramref name="client"/>, signed
    /// with <paramref name="signing"/>. <paramref name="sentTo"/> gives what the bot sent to a conversation so far (the
    /// host's connector double); <paramref name="settle"/>, when given, waits for the host's background work.
    /// </summary>
    public static async Task<DialogCards> RecordAsync(
        HttpClient client, FuzzSigning signing, Func<string, IReadOnlyList<(string Id, Activity Activity)>> sentTo, string threadId,
        Func<Task>? settle = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(signing);
        ArgumentNullException.ThrowIfNull(sentTo);
        Recorder recorder = new(client, signing, sentTo, threadId, settle, log);
        return await recorder.RunAsync(cancellationToken);
    }

    private sealed class Recorder(
        HttpClient client, FuzzSigning signing, Func<string, IReadOnlyList<(string Id, Activity Activity)>> sentTo, string threadId, Func<Task>? settle, Action<string>? log)
    {
        private readonly List<(string Id, JsonObject Card)> _answered = [];

        public async Task<DialogCards> RunAsync(CancellationToken cancellationToken)
        {
            string today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string evaluation = DateTimeOffset.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await SayAsync("start Gezin Jansen", cancellationToken);
            await StepAsync("Volgende", new() { ["moment"] = "1" }, cancellationToken);
            await StepAsync("Toevoegen", new() { ["lid"] = FuzzSeeds.UserAadObjectId, ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie" }, cancellationToken);
            await StepAsync("Toevoegen", new() { ["lid"] = FuzzSeeds.ColleagueAadObjectId, ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" }, cancellationToken);
            await StepAsync("Toevoegen", new() { ["lid"] = "extern", ["naam"] = "Kees Bakker", ["functie"] = "Intern begeleider", ["organisatie"] = "School", ["contact"] = "k.bakker@example.org" }, cancellationToken);
            await StepAsync("Volgende", [], cancellationToken);
            await StepAsync("Volgende", new() { ["afspraken"] = "Ahmed heeft de casusregie" }, cancellationToken);
            await StepAsync("Volgende", new() { ["afspraken"] = "Elke twee weken overleg" }, cancellationToken);
            await StepAsync("Volgende", new() { ["aanspreekpunt"] = "p2" }, cancellationToken);
            await StepAsync("Volgende", new() { ["bewaker"] = "p1" }, cancellationToken);
            JsonObject saved = await StepAsync("Opslaan", new() { ["datum"] = today, ["evaluatiedatum"] = evaluation, ["besproken"] = "true" }, cancellationToken);
            if (FindActions(saved).Any(a => (string?)a["verb"] == "dialoog"))
            {
                throw new InvalidOperationException("The dialog was not saved: " + saved.ToJsonString());
            }

            string kaartId = Cards().SelectMany(c => FindActions(c.Card)).Select(a => a["data"]?["kaartId"]?.ToString()).LastOrDefault(id => id is { Length: > 0 })
                ?? throw new InvalidOperationException("No card names the kaart.");

            foreach (string command in KaartCommands)
            {
                await SayAsync(command, cancellationToken);
            }

            // The user's own view of the kaart (with "Ik bevestig mijn rol"), as the card's refresh asks for it.
            foreach ((string id, JsonObject card) in Cards().Where(c => c.Card["refresh"]?["action"] is JsonObject).ToList())
            {
                JsonObject refresh = card["refresh"]!["action"]!.AsObject();
                await ClickAsync(new CardClick((string)refresh["verb"]!, refresh["data"]?.DeepClone().AsObject() ?? [], null, threadId, id, Refresh: true), "automatic", cancellationToken);
            }

            List<CardClick> clicks = [];
            HashSet<string> seen = new(StringComparer.Ordinal);
            foreach ((string id, JsonObject card) in Cards())
            {
                Dictionary<string, JsonNode?> inputs = InputsOf(card);
                if (card["refresh"]?["action"] is JsonObject refresh && refresh["verb"] is JsonValue)
                {
                    Add(new CardClick((string)refresh["verb"]!, refresh["data"]?.DeepClone().AsObject() ?? [], null, threadId, id, Refresh: true));
                }

                foreach (JsonObject action in FindActions(card))
                {
                    if (action["verb"] is not JsonValue verb || verb.GetValueKind() != System.Text.Json.JsonValueKind.String)
                    {
                        continue;
                    }

                    JsonObject data = Merge(action["data"] as JsonObject, (string?)action["associatedInputs"] == "none" ? [] : inputs);
                    JsonObject? submit = action["fallback"] is JsonObject { } fallback && (string?)fallback["type"] == "Action.Submit"
                        ? Merge(fallback["data"] as JsonObject, (string?)fallback["associatedInputs"] == "none" ? [] : inputs)
                        : null;
                    Add(new CardClick((string)verb!, data, submit, threadId, id, Refresh: false));
                }
            }

            HashSet<string> shown = [.. clicks.Select(c => c.Verb)];
            foreach (string verb in FuzzSeeds.Verbs.Where(v => !shown.Contains(v)))
            {
                JsonObject data = FuzzSeeds.DataFor(verb, 0);
                data["kaartId"] = kaartId;
                if (data.ContainsKey("professionalId"))
                {
                    data["professionalId"] = "p1";
                }

                Add(new CardClick(verb, data, null, threadId, _answered.LastOrDefault().Id ?? "1767225699000", Refresh: false));
            }

            return new DialogCards(threadId, kaartId, clicks) { ShownVerbs = shown };

            void Add(CardClick click)
            {
                if (seen.Add(click.Verb + "\n" + click.Data.ToJsonString() + "\n" + click.Submit?.ToJsonString() + click.Refresh))
                {
                    clicks.Add(click);
                }
            }
        }

        /// <summary>Every card the bot posted in the thread and answered a click with, in order.</summary>
        private List<(string Id, JsonObject Card)> Cards() =>
        [
            .. sentTo(threadId).Where(s => s.Activity.Attachments is [{ Content: JsonObject }, ..]).Select(s => (s.Id, (JsonObject)s.Activity.Attachments![0].Content!)),
            .. _answered,
        ];

        private async Task SayAsync(string command, CancellationToken cancellationToken)
        {
            HttpStatusCode status = await PostAsync(FuzzSeeds.ChannelMessage(command, threadId), cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"'{command}' was answered {(int)status}.");
            }
        }

        /// <summary>Clicks the button titled <paramref name="title"/> on the latest step card; returns the card the bot answered with.</summary>
        private async Task<JsonObject> StepAsync(string title, Dictionary<string, string> inputs, CancellationToken cancellationToken)
        {
            (string id, JsonObject card) = Cards().LastOrDefault(c => FindActions(c.Card).Any(a => (string?)a["verb"] == "dialoog"));
            JsonObject action = card is null
                ? throw new InvalidOperationException("The bot showed no step card.")
                : FindActions(card).FirstOrDefault(a => (string?)a["title"] == title)
                    ?? throw new InvalidOperationException($"The step card has no '{title}': {card.ToJsonString()}");
            JsonObject data = action["data"]?.DeepClone().AsObject() ?? [];
            foreach ((string key, string value) in inputs)
            {
                data[key] = value;
            }

            JsonObject answer = await ClickAsync(new CardClick((string)action["verb"]!, data, null, threadId, id, Refresh: false), "manual", cancellationToken);
            IEnumerable<string?> errors = (answer["body"] as JsonArray ?? []).Where(e => (string?)e?["style"] == "attention").Select(e => e!.ToJsonString());
            return errors.Any() ? throw new InvalidOperationException($"'{title}' was refused: {string.Join(" ", errors)}") : answer;
        }

        private async Task<JsonObject> ClickAsync(CardClick click, string trigger, CancellationToken cancellationToken)
        {
            JsonObject invoke = click.Invoke(trigger);
            using HttpResponseMessage response = await SendAsync(invoke, cancellationToken);
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(body) is not JsonObject { } answer || answer["value"] is not JsonObject card)
            {
                throw new InvalidOperationException($"'{click.Verb}' was answered {(int)response.StatusCode}: {body}");
            }

            _answered.Add((click.ReplyToId, card));
            return card;
        }

        private async Task<HttpStatusCode> PostAsync(JsonObject activity, CancellationToken cancellationToken)
        {
            using HttpResponseMessage response = await SendAsync(activity, cancellationToken);
            return response.StatusCode;
        }

        private async Task<HttpResponseMessage> SendAsync(JsonObject activity, CancellationToken cancellationToken)
        {
            activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            using HttpRequestMessage request = new(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", signing.AuthorizationFor(FuzzAuth.Valid, FuzzSeeds.ServiceUrl));
            System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
            HttpResponseMessage response = await client.SendAsync(request, cancellationToken);
            long answered = watch.ElapsedMilliseconds;
            if (settle is not null)
            {
                await settle();
            }

            log?.Invoke($"{activity["type"]} {(string?)activity["text"] ?? (string?)activity["value"]?["action"]?["verb"]}: {(int)response.StatusCode} in {answered} ms, settled in {watch.ElapsedMilliseconds} ms");

            return response;
        }
    }

    /// <summary>A card's inputs by id, as a user fills them: the value shown, else the first choice, else a plausible answer.</summary>
    private static Dictionary<string, JsonNode?> InputsOf(JsonNode card)
    {
        Dictionary<string, JsonNode?> inputs = new(StringComparer.Ordinal);
        foreach (JsonObject input in Descendants(card).Where(o => o["type"] is JsonValue t && ((string?)t)?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            if (input["id"] is not JsonValue idValue || (string?)idValue is not { Length: > 0 } id)
            {
                continue;
            }

            string? shown = input["value"] is JsonValue v ? v.ToString() : null;
            string? choice = input["choices"] is JsonArray { Count: > 0 } choices ? choices[0]?["value"]?.ToString() : null;
            inputs[id] = JsonValue.Create(shown is { Length: > 0 } ? shown : choice ?? Typed(id));
        }

        return inputs;
    }

    private static string Typed(string id) => id switch
    {
        "moment" => "1",
        "lid" => FuzzSeeds.ColleagueAadObjectId,
        "naam" => "Anne de Vries",
        "functie" => "Jeugdconsulent",
        "organisatie" => "Wijkteam",
        "contact" => "anne@example.org",
        "regievorm" => "Procesregie",
        "aanspreekpunt" or "bewaker" => "p1",
        "datum" => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "evaluatiedatum" => DateTimeOffset.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "besproken" => "true",
        "reden" => "Het loopt vast",
        _ => "Wekelijks bellen",
    };

    private static JsonObject Merge(JsonObject? data, Dictionary<string, JsonNode?> inputs)
    {
        JsonObject merged = data?.DeepClone().AsObject() ?? [];
        foreach ((string key, JsonNode? value) in inputs)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>Every <c>Action.Execute</c> of a card, wherever it is (actions, action sets, show cards).</summary>
    public static IEnumerable<JsonObject> FindActions(JsonNode? card) =>
        Descendants(card).Where(o => o["type"] is JsonValue t && t.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)t == "Action.Execute");

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(p => Descendants(p.Value))),
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
