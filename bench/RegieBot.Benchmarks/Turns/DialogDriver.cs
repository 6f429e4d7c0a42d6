using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace RegieBot.Benchmarks.Turns;

/// <summary>A turn as the driver saw it: end-to-end time (HTTP round trip to the bot) and whether it went right.</summary>
internal sealed record DriverSample(string Kind, double EndToEndMs, bool Invoke, bool Ok);

/// <summary>
/// Drives one channel thread the way Teams does: an @mention "start", the step card's buttons (Action.Execute built
/// from the card's own data plus typed inputs) through to the saved kaart, then the three linked professionals
/// confirming their role on the posted regiekaart. 14 turns per dialog.
/// </summary>
internal sealed class DialogDriver(HttpClient bot, ConnectorStandIn teams, Action<DriverSample> record, TimeSpan thinkTime)
{
    public const string KindStart = "message: start";
    public const string KindNext = "invoke: next step";
    public const string KindAdd = "invoke: add professional";
    public const string KindSave = "invoke: save (kaart posted)";
    public const string KindConfirm = "invoke: confirm role";

    private const string ChannelId = "19:bench@thread.tacv2";
    private static long _ids = 1767225800000;

    /// <summary>The thread and the posted regiekaart (message id, card) of the last dialog that got that far.</summary>
    public (string Thread, string CardId, JsonObject Card)? LastKaart { get; private set; }

    /// <summary>Runs a whole dialog in a new thread; returns false (and stops) at the first turn that went wrong.</summary>
    public async Task<bool> RunDialogAsync(int number, CancellationToken cancellationToken)
    {
        string thread = $"{ChannelId};messageid={Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture)}";
        try
        {
            return await RunAsync(thread, number, cancellationToken);
        }
        finally
        {
            teams.Forget(thread);
        }
    }

    private async Task<bool> RunAsync(string thread, int number, CancellationToken cancellationToken)
    {
        if (!await SayAsync(thread, $"start Familie B{number}.", cancellationToken))
        {
            return false;
        }

        (string Id, JsonObject Card)? step = await PostedCardAsync(thread, "dialoog", cancellationToken);
        if (step is null)
        {
            record(new DriverSample(KindStart, 0, false, false));
            return false;
        }

        string cardId = step.Value.Id;
        JsonObject? card = step.Value.Card;
        (string Kind, string Title, Dictionary<string, string>? Inputs)[] clicks =
        [
            (KindNext, "Volgende", new() { ["moment"] = "1" }),
            (KindAdd, "Toevoegen", new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente", ["regievorm"] = "Procesregie" }),
            (KindAdd, "Toevoegen", new() { ["lid"] = "aad-ahmed", ["functie"] = "Maatschappelijk werker", ["organisatie"] = "Wijkteam", ["regievorm"] = "Casusregie" }),
            (KindAdd, "Toevoegen", new() { ["lid"] = "aad-petra", ["functie"] = "Gezinsvoogd", ["organisatie"] = "GI" }),
            (KindNext, "Volgende", null),
            (KindNext, "Volgende", new() { ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces" }),
            (KindNext, "Volgende", new() { ["afspraken"] = "Elke twee weken overleg" }),
            (KindNext, "Volgende", new() { ["aanspreekpunt"] = "p2" }),
            (KindNext, "Volgende", new() { ["bewaker"] = "p1" }),
            (KindSave, "Opslaan", new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }),
        ];
        foreach ((string kind, string title, Dictionary<string, string>? inputs) in clicks)
        {
            card = await ClickAsync(kind, thread, cardId, card, title, inputs, "sanne", cancellationToken);
            if (card is null)
            {
                return false;
            }
        }

        (string Id, JsonObject Card)? kaart = await PostedKaartAsync(thread, cancellationToken);
        if (kaart is null)
        {
            record(new DriverSample(KindSave, 0, true, false));
            return false;
        }

        LastKaart = (thread, kaart.Value.Id, kaart.Value.Card);
        string[] confirming = ["sanne", "ahmed", "petra"];
        foreach (string user in confirming)
        {
            if (await ClickAsync(KindConfirm, thread, kaart.Value.Id, OwnView(kaart.Value.Card), "Ik bevestig mijn rol", null, user, cancellationToken) is null)
            {
                return false;
            }
        }

        // The shared card follows the confirmations through the relay: in the end it shows all three.
        teams.ExpectConfirmations(thread, kaart.Value.Id, confirming.Length);
        return true;
    }

    /// <summary>
    /// The kaart the save posted: the outbox relay posts it after the save's commit, not within the turn, so it may
    /// arrive after the invoke's answer (behind the step card's updates, each as slow as the connector); wait for it.
    /// </summary>
    private Task<(string Id, JsonObject Card)?> PostedKaartAsync(string thread, CancellationToken cancellationToken) =>
        PostedCardAsync(thread, "refreshKaart", cancellationToken);

    /// <summary>The latest card with <paramref name="verb"/> in the thread, once the relay posted it (the step card too follows the start's commit).</summary>
    private async Task<(string Id, JsonObject Card)?> PostedCardAsync(string thread, string verb, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 2400; attempt++)
        {
            if (LatestCard(thread, verb) is { } card)
            {
                return card;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }

        return null;
    }

    /// <summary>The button of a professional's own view of the kaart (the shared card has none), without the refresh that shows it.</summary>
    private static JsonObject OwnView(JsonObject kaart) => new()
    {
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "Ik bevestig mijn rol",
            ["verb"] = "bevestigen",
            ["data"] = kaart["refresh"]?["action"]?["data"]?.DeepClone(),
        }),
    };

    private (string Id, JsonObject Card)? LatestCard(string thread, string verb) =>
        teams.MessagesOf(thread)
            .Select(m => (m.Id, Card: m.Activity["attachments"]?[0]?["content"] as JsonObject))
            .Where(m => m.Card is not null && TeamsActivities.Actions(m.Card).Any(a => (string?)a["verb"] == verb))
            .Select(m => ((string Id, JsonObject Card)?)(m.Id, m.Card!))
            .LastOrDefault();

    private async Task<bool> SayAsync(string thread, string text, CancellationToken cancellationToken)
    {
        JsonObject activity = Base("message", thread, "sanne");
        activity["text"] = "<at>RegieBot</at> " + text;
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>RegieBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
        });
        (bool ok, _) = await PostAsync(KindStart, activity, invoke: false, cancellationToken);
        return ok;
    }

    /// <summary>Clicks the button; returns the card of the invoke response, or null when the turn failed.</summary>
    private async Task<JsonObject?> ClickAsync(
        string kind, string thread, string messageId, JsonObject? card, string title, Dictionary<string, string>? inputs, string user, CancellationToken cancellationToken)
    {
        JsonObject? action = TeamsActivities.Actions(card).FirstOrDefault(a => (string?)a["title"] == title);
        if (action is null)
        {
            record(new DriverSample(kind, 0, true, false));
            return null;
        }

        JsonObject data = action["data"]?.DeepClone().AsObject() ?? [];
        if ((string?)action["associatedInputs"] != "none")
        {
            foreach ((string key, string value) in inputs ?? [])
            {
                data[key] = value;
            }
        }

        JsonObject invoke = Base("invoke", thread, user);
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = messageId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data },
            ["trigger"] = "manual",
        };
        (bool ok, JsonNode? body) = await PostAsync(kind, invoke, invoke: true, cancellationToken);
        if (ok && body?["value"] is not JsonObject)
        {
            // A 200 without a card (e.g. "Deze actie is al verwerkt."): the dialog cannot go on.
            record(new DriverSample(kind + " (no card: " + body?["value"]?.ToJsonString() + ")", 0, true, false));
            return null;
        }

        return ok ? body?["value"] as JsonObject : null;
    }

    private async Task<(bool Ok, JsonNode? Body)> PostAsync(string kind, JsonObject activity, bool invoke, CancellationToken cancellationToken)
    {
        using ByteArrayContent content = new(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using HttpRequestMessage request = new(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.Add(BotHost.TurnKindHeader, kind);
        if (thinkTime > TimeSpan.Zero)
        {
            // A person reads the card before the next click: between half and one and a half times the think time, so
            // the conversations do not click in lock-step (with a fixed pause all of them would start, save and
            // confirm in the same instant, every dialog, which no team does).
            await Task.Delay(thinkTime * (0.5 + Random.Shared.NextDouble()), cancellationToken);
        }

        long started = Stopwatch.GetTimestamp();
        bool ok = false;
        JsonNode? body = null;
        try
        {
            using HttpResponseMessage response = await bot.SendAsync(request, cancellationToken);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            body = invoke && bytes.Length > 0 ? JsonNode.Parse(bytes) : null;
            ok = response.IsSuccessStatusCode && (!invoke || (int?)body?["statusCode"] == 200);
            record(new DriverSample(kind, elapsed, invoke, ok));
        }
        catch (HttpRequestException)
        {
            record(new DriverSample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, invoke, false));
        }

        return (ok, body);
    }

    private JsonObject Base(string type, string thread, string user) =>
        TeamsActivities.Channel(type, Interlocked.Increment(ref _ids), Interlocked.Increment(ref _ids), teams.ServiceUrl, thread, ChannelId, user);
}
