using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// Drives the Microsoft 365 Agents Playground through the HTTP API its own web page uses, and reads back what the
/// bot did from the Playground's events recording. Everything here was read from
/// <c>node_modules/@microsoft/m365agentsplayground/dist</c>, version 0.2.28 (pinned in package.json); another
/// version may change it.
/// <list type="bullet">
/// <item><c>POST /_debug/conversation/{conversationId}/installation</c>, body <c>{}</c>: what the page sends the first
/// time a chat or channel is opened. For <c>-c msteams</c> the Playground then posts to the bot an
/// <c>installationUpdate</c> (action "add") and a <c>conversationUpdate</c> with the bot in <c>membersAdded</c>
/// (channelData.eventType "teamMemberAdded", team and selectedChannel set), both from the current user.</item>
/// <item><c>POST /_conversation/v1/conversations/{conversationId}/messages</c>, body
/// <c>{"text","textFormat":"plain","from":{"id"},"mentions":[{"mentioned":{"id","name"},"text":"&lt;at&gt;Name&lt;/at&gt;"}]}</c>:
/// a message typed in the page. The activity always comes from the <em>current user</em>, whatever <c>from</c>
/// says (that id is only checked to be a member). Into a channel it opens a new thread: the answer is
/// <c>{"messageId","postConversationId":"{channel};messageid={messageId}","timestamp"}</c> and the bot gets the
/// message in that thread conversation. In a channel or group chat it reaches the bot only when it mentions the bot.</item>
/// <item><c>POST /_conversation/v1/invoke</c>, body <c>{"name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute",
/// "title","verb","data"}},"from":{"id"},"conversation":{"id"},"replyToId"}</c>: a click on an Action.Execute
/// button by <em>any</em> mock user. The conversation must be the one holding the card (for a channel post, the
/// thread id) and <c>replyToId</c> the card's message id, or the Playground answers 400. The answer is the bot's
/// invoke response body (<c>{"type","value"}</c>; a card response replaces the card in the page).</item>
/// <item><c>POST /_conversation/v1/submit</c>, body <c>{"conversation":{"id"},"from":{"id"},"replyToId","value":{}}</c>:
/// an Action.Submit click; the bot gets a message activity with <c>value</c> from that user.</item>
/// <item><c>GET /_internal/v1/customActivities/template?conversationId=…[&amp;type=…]</c> and
/// <c>POST /_internal/v1/customActivities</c> (body: a whole activity, forwarded to the bot as is): the page's
/// "custom activity" panel. The only way to send a <em>message</em> as another mock user.</item>
/// <item><c>GET /_internal/v1/testConfig</c>: the mock tenant as loaded from <c>.m365agentsplayground.yml</c>;
/// <c>GET /_debug/ping</c> answers "pong".</item>
/// <item>The bot's side: activities carry <c>serviceUrl</c> <c>http://localhost:{port}/_connector</c>; the Playground
/// implements <c>POST|PUT|DELETE /v3/conversations/{id}/activities[/{activityId}]</c> (DELETE answers 501),
/// <c>POST /v3/conversations</c> and the member and team reads. A message posted to a channel conversation opens a
/// thread <c>{channel};messageid={id}</c>. A message with text <em>and</em> attachments is split into one message
/// each and answered <c>202</c> without an id, so it cannot be updated later: a card meant to be updated must be
/// sent alone.</item>
/// <item>Events recording (<c>--enable-events-recording</c>, file from <c>M365_AGENTS_PLAYGROUND_RECORDING_FILE</c>):
/// every exchange in both directions is appended as pretty-printed JSON followed by a line <c>---</c>:
/// <c>{"logId","timestamp","conversationId","direction":"Microsoft 365 Agents Playground -&gt; User Application"
/// or "User Application -&gt; Microsoft 365 Agents Playground","activityName","messageId",
/// "request":{"headers","body","url","method"},"response":{"statusCode","body"},"displayText"}</c>.
/// For the bot's calls <c>url</c> is the path (URL-encoded conversation id) and <c>conversationId</c> is usually
/// absent. Calls the Playground could not deliver to the bot (connection refused) are not recorded.</item>
/// </list>
/// </summary>
public sealed partial class PlaygroundDriver(HttpClient http, string recordingFile, Func<string> diagnostics)
{
    public const string ToBotDirection = "Microsoft 365 Agents Playground -> User Application";
    public const string RecordSeparator = "\n---\n";

    /// <summary>How long the Wait… methods poll by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>The page's address, for a person watching a test run.</summary>
    public Uri PageAddress => new($"http://localhost:{BaseAddress.Port}/");

    public async Task<string> PingAsync(CancellationToken cancellationToken) =>
        await http.GetStringAsync(new Uri("/_debug/ping", UriKind.Relative), cancellationToken);

    /// <summary>The mock tenant the Playground loaded (<c>{"config":{"tenantId","bot","currentUser","users","teams",…}}</c>).</summary>
    public async Task<JsonObject> GetTestConfigAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync("/_internal/v1/testConfig", cancellationToken);

    /// <summary>Adds the app to a team channel or chat, as the page does when it is opened there.</summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(
            new Uri($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", UriKind.Relative),
            new JsonObject(),
            cancellationToken);
        await EnsureSuccessAsync(response, "install the app", cancellationToken);
    }

    /// <summary>
    /// Sends a message as the Playground's current user (<see cref="MockTeam.CurrentUser"/>). Write mentions as
    /// <c>&lt;at&gt;Name&lt;/at&gt;</c> with the bot's or a mock user's display name. Into a channel this opens a new thread.
    /// </summary>
    public async Task<SentMessage> SendMessageAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        JsonObject body = new()
        {
            ["text"] = text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = MockTeam.CurrentUser.Id },
            ["mentions"] = Mentions(text),
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(
            new Uri($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", UriKind.Relative),
            body,
            cancellationToken);
        await EnsureSuccessAsync(response, "send a message", cancellationToken);
        JsonObject answer = await ReadObjectAsync(response, cancellationToken);
        string messageId = answer["messageId"]!.GetValue<string>();
        string thread = answer["postConversationId"]?.GetValue<string>() ?? conversationId;
        return new SentMessage(messageId, thread, MockTeam.CurrentUser);
    }

    /// <summary>Sends <c>@RegieBot {command}</c> as the current user: a new thread in a channel.</summary>
    public Task<SentMessage> MentionBotAsync(string conversationId, string command, CancellationToken cancellationToken) =>
        SendMessageAsync(conversationId, $"<at>{MockTeam.BotName}</at> {command}", cancellationToken);

    /// <summary>
    /// Sends a message as any mock user, through the custom-activity API (the message API only knows the current
    /// user). The message is not shown in the page; the bot gets it exactly like a typed one.
    /// </summary>
    public async Task<SentMessage> SendMessageAsAsync(MockUser user, string conversationId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        JsonObject activity = await GetCustomActivityTemplateAsync(conversationId, type: null, cancellationToken);
        string activityId = Guid.NewGuid().ToString();
        activity["id"] = activityId;
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["from"] = From(user);
        activity["locale"] = "nl-NL";
        JsonArray entities = Mentions(text);
        foreach (JsonNode? mention in entities)
        {
            mention!["type"] = "mention";
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "nl-NL", ["country"] = "NL", ["timezone"] = "Europe/Amsterdam" });
        activity["entities"] = entities;
        activity["channelData"] = ChannelData(conversationId);
        await SendCustomActivityAsync(activity, cancellationToken);
        return new SentMessage(activityId, conversationId, user);
    }

    /// <summary>
    /// Clicks the button titled <paramref name="title"/> on a card the bot posted (also one inside an Action.ShowCard),
    /// as <paramref name="user"/>, the way the page does: the action's <c>data</c> with the typed
    /// <paramref name="inputs"/> (input id → value) merged in; an Action.Execute becomes an <c>adaptiveCard/action</c>
    /// invoke (its result is returned), an Action.Submit a message with <c>value</c> (null is returned).
    /// </summary>
    public async Task<InvokeResult?> ClickAsync(
        MockUser user, BotCall card, string title, IReadOnlyDictionary<string, string>? inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        JsonObject action = card.FindAction(title)
            ?? throw new InvalidOperationException($"No button '{title}' on the card; it has: {string.Join(", ", card.ButtonTitles)}. {card.Summary()}");
        JsonObject data = action["data"] is JsonObject original ? (JsonObject)original.DeepClone() : [];
        foreach ((string id, string value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        (string conversationId, string messageId) = Address(card);
        switch (action["type"]!.GetValue<string>())
        {
            case "Action.Execute":
                string verb = action["verb"]?.GetValue<string>() ?? throw new InvalidOperationException($"Button '{title}' has no verb.");
                return await ExecuteCardActionAsync(user, conversationId, messageId, verb, data, cancellationToken, title);
            case "Action.Submit":
                await SubmitCardAsync(user, conversationId, messageId, data, cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Button '{title}' is an {action["type"]}: only Action.Execute and Action.Submit reach the bot.");
        }
    }

    /// <summary>Sends the card's <c>refresh</c> action (Universal Actions) as Teams does when <paramref name="user"/> views it.</summary>
    public Task<InvokeResult> RefreshCardAsync(MockUser user, BotCall card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        JsonObject action = card.AdaptiveCards.Select(c => c["refresh"]?["action"]).OfType<JsonObject>().FirstOrDefault()
            ?? throw new InvalidOperationException($"The card has no refresh action. {card.Summary()}");
        (string conversationId, string messageId) = Address(card);
        return ExecuteCardActionAsync(
            user, conversationId, messageId, action["verb"]!.GetValue<string>(), action["data"]?.DeepClone() as JsonObject,
            cancellationToken, action["title"]?.GetValue<string>(), trigger: "automatic");
    }

    /// <summary>Clicks an Action.Execute button of a card the bot posted, as <paramref name="user"/>.</summary>
    public Task<InvokeResult> ExecuteCardActionAsync(
        MockUser user, BotCall card, string verb, JsonObject? data, CancellationToken cancellationToken, string? title = null)
    {
        (string conversationId, string messageId) = Address(card);
        return ExecuteCardActionAsync(user, conversationId, messageId, verb, data, cancellationToken, title);
    }

    /// <summary>
    /// Clicks an Action.Execute button on message <paramref name="messageId"/> in <paramref name="conversationId"/>, as
    /// <paramref name="user"/>. The page sends no <c>trigger</c>; Teams sends "manual" (or "automatic" for a refresh).
    /// </summary>
    public async Task<InvokeResult> ExecuteCardActionAsync(
        MockUser user,
        string conversationId,
        string messageId,
        string verb,
        JsonObject? data,
        CancellationToken cancellationToken,
        string? title = null,
        string? trigger = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        JsonObject value = new()
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = title,
                ["verb"] = verb,
                ["data"] = data ?? new JsonObject(),
            },
        };
        if (trigger is not null)
        {
            value["trigger"] = trigger;
        }

        JsonObject body = new()
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = value,
            ["from"] = new JsonObject { ["id"] = user.Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = messageId,
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri("/_conversation/v1/invoke", UriKind.Relative), body, cancellationToken);
        string content = await response.Content.ReadAsStringAsync(cancellationToken);
        return new InvokeResult((int)response.StatusCode, content.Length == 0 ? null : JsonNode.Parse(content));
    }

    /// <summary>Clicks an Action.Submit button on message <paramref name="messageId"/>, as <paramref name="user"/>.</summary>
    public async Task SubmitCardAsync(MockUser user, string conversationId, string messageId, JsonObject value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        JsonObject body = new()
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = user.Id },
            ["replyToId"] = messageId,
            ["value"] = value,
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri("/_conversation/v1/submit", UriKind.Relative), body, cancellationToken);
        await EnsureSuccessAsync(response, "submit a card", cancellationToken);
    }

    /// <summary>
    /// The Playground's template for a custom activity in a chat or channel (not a thread): with <paramref name="type"/>
    /// null a bare activity from the current user; otherwise one of install, uninstall, botAdded, userAdded,
    /// botRemoved, userRemoved, channelCreated, channelRenamed, channelDeleted, teamRenamed, teamDeleted.
    /// </summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(string conversationId, string? type, CancellationToken cancellationToken)
    {
        string query = "conversationId=" + Uri.EscapeDataString(ChannelOf(conversationId));
        if (type is not null)
        {
            query += "&type=" + Uri.EscapeDataString(type);
        }

        JsonObject template = await GetJsonAsync("/_internal/v1/customActivities/template?" + query, cancellationToken);
        template["conversation"]!["id"] = conversationId;
        return template;
    }

    /// <summary>Posts any activity to the bot as is (the Playground answers at once and does not wait for the bot).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri("/_internal/v1/customActivities", UriKind.Relative), activity, cancellationToken);
        await EnsureSuccessAsync(response, "send a custom activity", cancellationToken);
    }

    /// <summary>A member of the team joins (<c>conversationUpdate</c>, <c>membersAdded</c>), sent by the current user.</summary>
    public async Task SendMemberAddedAsync(MockUser member, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        JsonObject activity = await GetCustomActivityTemplateAsync(conversationId, "userAdded", cancellationToken);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = member.Id, ["aadObjectId"] = member.AadObjectId });
        await SendCustomActivityAsync(activity, cancellationToken);
    }

    /// <summary>A member leaves the team (<c>conversationUpdate</c>, <c>membersRemoved</c>).</summary>
    public async Task SendMemberRemovedAsync(MockUser member, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        JsonObject activity = await GetCustomActivityTemplateAsync(conversationId, "userRemoved", cancellationToken);
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = member.Id, ["aadObjectId"] = member.AadObjectId });
        await SendCustomActivityAsync(activity, cancellationToken);
    }

    /// <summary>Everything recorded so far, in order.</summary>
    public IReadOnlyList<PlaygroundEvent> ReadEvents()
    {
        if (!File.Exists(recordingFile))
        {
            return [];
        }

        string content;
        using (FileStream stream = new(recordingFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (StreamReader reader = new(stream, Encoding.UTF8))
        {
            content = reader.ReadToEnd();
        }

        // Each record ends with the separator; the text after the last one is empty or still being written.
        string[] records = content.Split(RecordSeparator);
        List<PlaygroundEvent> events = [];
        for (int i = 0; i < records.Length - 1; i++)
        {
            events.Add(ParseEvent(events.Count, records[i]));
        }

        return events;
    }

    /// <summary>The bot's Bot Connector calls, in order.</summary>
    public IReadOnlyList<BotCall> ReadBotCalls() => [.. ReadEvents().Where(e => !e.ToBot).Select(ToBotCall)];

    /// <summary>A position in the recording: pass it to the Wait… methods to look only at what happens after it.</summary>
    public int Mark() => ReadEvents().Count;

    /// <summary>Polls the recording until a bot call after <paramref name="since"/> matches, or fails with diagnostics.</summary>
    public async Task<BotCall> WaitForBotCallAsync(
        int since, string description, Func<BotCall, bool> predicate, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        IReadOnlyList<BotCall> matches = await WaitForBotCallsAsync(since, description, 1, predicate, cancellationToken, timeout);
        return matches[0];
    }

    /// <summary>Polls until at least <paramref name="count"/> bot calls after <paramref name="since"/> match; returns all that match.</summary>
    public async Task<IReadOnlyList<BotCall>> WaitForBotCallsAsync(
        int since, string description, int count, Func<BotCall, bool> predicate, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using PeriodicTimer timer = new(PollInterval);
        DateTimeOffset deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            List<BotCall> matches = [.. ReadEvents().Skip(since).Where(e => !e.ToBot).Select(ToBotCall).Where(predicate)];
            if (matches.Count >= count)
            {
                return matches;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException(Explain(since, $"Waited {(timeout ?? DefaultTimeout).TotalSeconds:0} s for {description}; saw {matches.Count} of {count}."));
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>Polls until the Playground has delivered an activity to the bot after <paramref name="since"/> (and got its answer).</summary>
    public async Task<PlaygroundEvent> WaitForDeliveryAsync(
        int since, string description, Func<PlaygroundEvent, bool> predicate, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using PeriodicTimer timer = new(PollInterval);
        DateTimeOffset deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            PlaygroundEvent? match = ReadEvents().Skip(since).FirstOrDefault(e => e.ToBot && predicate(e));
            if (match is not null)
            {
                return match;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException(Explain(since, $"Waited {(timeout ?? DefaultTimeout).TotalSeconds:0} s for {description}."));
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>What the recording holds after <paramref name="since"/>, and the processes' last output.</summary>
    public string Explain(int since, string headline)
    {
        StringBuilder text = new();
        text.AppendLine(headline);
        text.AppendLine("--- recorded since the mark (Playground -> bot: activity and the bot's status; bot -> Playground: connector calls) ---");
        foreach (PlaygroundEvent e in ReadEvents().Skip(since))
        {
            text.AppendLine(e.ToBot
                ? $"#{e.Index} to bot: {e.ActivityName} conv={e.RequestBody?["conversation"]?["id"]} from={e.RequestBody?["from"]?["id"]} -> {e.StatusCode}"
                : ToBotCall(e).Summary());
        }

        text.AppendLine(diagnostics());
        return text.ToString();
    }

    /// <summary>Turns a recorded bot call into a <see cref="BotCall"/>.</summary>
    public static BotCall ToBotCall(PlaygroundEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string path = e.Url;
        int query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        Match match = ConnectorPath().Match(path);
        string? conversationId = match.Groups["conversation"].Success ? Uri.UnescapeDataString(match.Groups["conversation"].Value) : null;
        string? activityId = match.Groups["activity"].Success ? Uri.UnescapeDataString(match.Groups["activity"].Value) : null;
        bool activities = match.Success && match.Groups["activities"].Success && match.Groups["rest"].Value.Length == 0;
        BotCallKind kind = e.Method.ToUpperInvariant() switch
        {
            "GET" => BotCallKind.Read,
            "POST" when match.Success && conversationId is null => BotCallKind.CreateConversation,
            "POST" when activities && activityId is null => BotCallKind.SendToConversation,
            "POST" when activities => BotCallKind.ReplyToActivity,
            "PUT" when activities && activityId is not null => BotCallKind.UpdateActivity,
            "DELETE" when activities && activityId is not null => BotCallKind.DeleteActivity,
            _ => BotCallKind.Other,
        };
        return new BotCall(e, kind, conversationId, activityId);
    }

    private static PlaygroundEvent ParseEvent(int index, string json)
    {
        JsonNode record = JsonNode.Parse(json) ?? throw new InvalidDataException("Empty record in the Playground's recording.");
        JsonNode? request = record["request"];
        JsonNode? response = record["response"];
        long timestamp = record["timestamp"]?.GetValue<long>() ?? 0;
        return new PlaygroundEvent(
            index,
            DateTimeOffset.FromUnixTimeMilliseconds(timestamp),
            ToBot: record["direction"]?.GetValue<string>() == ToBotDirection,
            ActivityName: record["activityName"]?.GetValue<string>(),
            Method: request?["method"]?.GetValue<string>() ?? "?",
            Url: request?["url"]?.GetValue<string>() ?? string.Empty,
            RequestBody: request?["body"]?.DeepClone(),
            StatusCode: response?["statusCode"]?.GetValue<int>() ?? 0,
            ResponseBody: response?["body"] is JsonNode body && body.GetValueKind() != JsonValueKind.String ? body.DeepClone() : null);
    }

    /// <summary>The page's rule: every <c>&lt;at&gt;Name&lt;/at&gt;</c> naming the bot or a mock user becomes a mention.</summary>
    private static JsonArray Mentions(string text)
    {
        JsonArray mentions = [];
        foreach (Match match in AtTag().Matches(text))
        {
            string name = match.Groups[1].Value;
            string? id = name == MockTeam.BotName ? MockTeam.BotId : MockTeam.AllUsers.FirstOrDefault(u => u.Name == name)?.Id;
            if (id is not null)
            {
                mentions.Add(new JsonObject
                {
                    ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
                    ["text"] = match.Value,
                });
            }
        }

        return mentions;
    }

    private static JsonObject From(MockUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["aadObjectId"] = user.AadObjectId,
    };

    /// <summary>Teams channelData as the Playground sets it on a typed message (team and channel only in channels).</summary>
    private static JsonObject ChannelData(string conversationId)
    {
        JsonObject channelData = new() { ["tenant"] = new JsonObject { ["id"] = MockTeam.TenantId } };
        string channel = ChannelOf(conversationId);
        if (channel is MockTeam.ChannelId or MockTeam.GeneralChannelId)
        {
            channelData["teamsChannelId"] = channel;
            channelData["teamsTeamId"] = MockTeam.TeamId;
            channelData["team"] = new JsonObject { ["id"] = MockTeam.TeamId };
            channelData["channel"] = new JsonObject { ["id"] = channel };
        }

        return channelData;
    }

    /// <summary>Where a card lives for the Playground: its thread (or chat) and its message id.</summary>
    private static (string ConversationId, string MessageId) Address(BotCall card)
    {
        ArgumentNullException.ThrowIfNull(card);
        string conversationId = card.ThreadConversationId
            ?? throw new InvalidOperationException($"The card's conversation is unknown: {card.Summary()}");
        string messageId = (card.Kind == BotCallKind.UpdateActivity ? card.ActivityId : card.PostedActivityId)
            ?? throw new InvalidOperationException($"The Playground gave the card no message id (sent together with text? then it was split): {card.Summary()}");
        return (conversationId, messageId);
    }

    /// <summary>The channel or chat of a conversation id (drops <c>;messageid=…</c>).</summary>
    private static string ChannelOf(string conversationId)
    {
        int thread = conversationId.IndexOf(';', StringComparison.Ordinal);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    private async Task<JsonObject> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, "GET " + path, cancellationToken);
        return await ReadObjectAsync(response, cancellationToken);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string content = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(content) as JsonObject
            ?? throw new InvalidDataException($"The Playground answered {(int)response.StatusCode} without a JSON object: {content}");
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string content = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            string.Create(CultureInfo.InvariantCulture, $"The Playground refused to {what}: {(int)response.StatusCode} {content}{Environment.NewLine}{diagnostics()}"),
            inner: null,
            statusCode: response.StatusCode == 0 ? HttpStatusCode.InternalServerError : response.StatusCode);
    }

    [GeneratedRegex("<at>(.*?)</at>")]
    private static partial Regex AtTag();

    [GeneratedRegex("/v3/conversations(?:/(?<conversation>[^/]+)(?:/(?<activities>activities)(?:/(?<activity>[^/]+))?)?)?(?<rest>.*)$")]
    private static partial Regex ConnectorPath();
}
