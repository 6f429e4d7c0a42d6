using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// Sends Teams-shaped activities to a running bot the way Teams does for one channel thread: @mention
/// messages, and card clicks built from the card's own Action.Execute data merged with typed inputs.
/// </summary>
internal sealed class ChannelSimulator(HttpClient client, string threadRootId)
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelId = "19:kanaal@thread.tacv2";
    private static long _ids = 1767225800000;

    public string ThreadId => $"{Channel};messageid={threadRootId}";

    /// <summary>The channel of the thread: <see cref="ChannelId"/> unless set.</summary>
    public string Channel { get; init; } = ChannelId;

    /// <summary><c>channelData.channel.type</c> as Teams sends it for a private or shared channel; null for a standard one.</summary>
    public string? ChannelType { get; init; }

    /// <summary>The tenant of the channel's host team (<c>channelData.tenant</c>, <c>conversation.tenantId</c>).</summary>
    public string Tenant { get; init; } = "t-1";

    public HttpClient Client { get; set; } = client;

    /// <summary>The serviceUrl Teams sends activities with now: <see cref="ServiceUrl"/> unless moved.</summary>
    public string CurrentServiceUrl { get; set; } = ServiceUrl;

    /// <summary>
    /// Waits, after each activity, until the bot finished what follows from it in the background (the relay's posts and
    /// card updates), so a test sees Teams as a user would a moment later.
    /// </summary>
    public Func<Task>? Settle { get; set; }

    /// <summary>A new thread in the channel of <paramref name="app"/>, settling after each activity.</summary>
    public static ChannelSimulator For(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app) =>
        new ChannelSimulator(app.CreateClient(), Guid.NewGuid().ToString("N")[..12]).SettledBy(app);

    /// <summary>Settles on the background work of <paramref name="app"/> (e.g. after a restart).</summary>
    public ChannelSimulator SettledBy(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        RegieBot.Outbox.OutboxRelay relay = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RegieBot.Outbox.OutboxRelay>(app.Services);
        Client = app.CreateClient();
        Settle = relay.WhenIdleAsync;
        return this;
    }

    public async Task<HttpResponseMessage> SayAsync(string text, string user = "sanne", CancellationToken cancellationToken = default)
    {
        JsonObject activity = Base("message", user);
        activity["text"] = "<at>RegieBot</at> " + text;
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>RegieBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
        });
        return await PostAsync(activity, cancellationToken);
    }

    /// <summary>Team events: members added or removed (Teams eventType teamMemberAdded/Removed), or the app removed/added.</summary>
    public Task<HttpResponseMessage> TeamEventAsync(string type, string? eventType = null, string? action = null, JsonArray? added = null, JsonArray? removed = null, CancellationToken cancellationToken = default)
    {
        JsonObject activity = Base(type, "sanne");
        activity["conversation"]!["id"] = Channel;
        if (eventType is not null)
        {
            activity["channelData"]!["eventType"] = eventType;
        }

        if (action is not null)
        {
            activity["action"] = action;
        }

        if (added is not null)
        {
            activity["membersAdded"] = added;
        }

        if (removed is not null)
        {
            activity["membersRemoved"] = removed;
        }

        return PostAsync(activity, cancellationToken);
    }

    /// <summary>
    /// A channel meeting starting or ending, as Teams sends it to an app with the meeting RSC permissions: an
    /// <c>event</c> named <c>application/vnd.microsoft.meetingStart</c>/<c>…meetingEnd</c> in the meeting chat (for a
    /// meeting started in a channel thread, that thread), with <c>channelData.meeting.id</c> and the meeting's details
    /// in <c>value</c>. <paramref name="conversationId"/> (and its type) put it in another conversation.
    /// </summary>
    public Task<HttpResponseMessage> MeetingEventAsync(bool start, string? conversationId = null, string conversationType = "channel", CancellationToken cancellationToken = default)
    {
        const string MeetingId = "MCMxOTptZWV0aW5nX05qVTRaVGd3TURNdE1tRmxaQzAwWkRVeUxXRTNZalF0WVRjNU5EZzRaamcyTmpVd0B0aHJlYWQudjIjMA==";
        JsonObject activity = Base("event", "sanne");
        activity["name"] = start ? "application/vnd.microsoft.meetingStart" : "application/vnd.microsoft.meetingEnd";
        if (conversationId is not null)
        {
            activity["conversation"]!["id"] = conversationId;
            activity["conversation"]!["conversationType"] = conversationType;
        }

        activity["channelData"]!["meeting"] = new JsonObject { ["id"] = MeetingId };
        activity["value"] = new JsonObject
        {
            ["Id"] = MeetingId,
            ["MeetingType"] = "Scheduled",
            ["JoinUrl"] = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjU4ZTgwMDMtMmFlZC00ZDUyLWE3YjQtYTc5NDg4Zjg2NjUw%40thread.v2/0",
            ["Title"] = "Casusoverleg",
            [start ? "StartTime" : "EndTime"] = "2026-12-02T09:00:00.0000000Z",
        };
        activity["locale"] = "nl-NL";
        return PostAsync(activity, cancellationToken);
    }

    /// <summary>Clicks the Action.Execute titled <paramref name="title"/> on the card in message <paramref name="messageId"/>.</summary>
    public async Task<JsonNode> ClickAsync(string messageId, JsonObject card, string title, IDictionary<string, string>? inputs = null, string user = "sanne", Func<JsonObject, bool>? which = null, CancellationToken cancellationToken = default)
    {
        JsonObject action = FindActions(card).First(a => (string?)a["title"] == title && (which?.Invoke(a) ?? true));
        JsonObject data = action["data"]?.DeepClone().AsObject() ?? [];
        if ((string?)action["associatedInputs"] != "none")
        {
            foreach ((string key, string value) in inputs ?? new Dictionary<string, string>())
            {
                data[key] = value;
            }
        }

        JsonObject invoke = Base("invoke", user);
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = messageId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data },
            ["trigger"] = "manual",
        };
        HttpResponseMessage response = await PostAsync(invoke, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
    }

    /// <summary>
    /// Types <paramref name="query"/> into a Data.Query typeahead of <paramref name="dataset"/>, as Teams does: an
    /// <c>application/search</c> invoke. Returns the bot's answer (statusCode, type, value.results).
    /// </summary>
    public async Task<JsonNode> SearchAsync(string dataset, string query, int skip = 0, int top = 15, string user = "sanne", CancellationToken cancellationToken = default)
    {
        JsonObject invoke = Base("invoke", user);
        invoke["name"] = "application/search";
        invoke["value"] = new JsonObject
        {
            ["queryText"] = query,
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top },
            ["dataset"] = dataset,
        };
        HttpResponseMessage response = await PostAsync(invoke, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
    }

    /// <summary>Verbs sent as <c>Action.Submit</c> fallbacks through <see cref="SubmitAsync"/>.</summary>
    public ConcurrentBag<string> SubmittedVerbs { get; } = [];

    /// <summary>
    /// Clicks the <c>Action.Submit</c> fallback of the Action.Execute titled <paramref name="title"/>, as a Teams client
    /// without Universal Actions does: a message without text whose <c>value</c> is the Submit's data merged with the inputs.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string messageId, JsonObject card, string title, IDictionary<string, string>? inputs = null, string user = "sanne", string? conversationId = null, CancellationToken cancellationToken = default)
    {
        JsonObject execute = FindActions(card).First(a => (string?)a["title"] == title);
        JsonObject submit = execute["fallback"] as JsonObject ?? throw new InvalidOperationException($"'{title}' has no fallback.");
        Assert.Equal("Action.Submit", (string?)submit["type"]);
        JsonObject value = submit["data"]?.DeepClone().AsObject() ?? [];
        if ((string?)submit["associatedInputs"] != "none")
        {
            foreach ((string key, string input) in inputs ?? new Dictionary<string, string>())
            {
                value[key] = input;
            }
        }

        JsonObject message = Base("message", user);
        message["replyToId"] = messageId;
        message["value"] = value;
        if (conversationId is not null)
        {
            message["conversation"]!["id"] = conversationId;
        }

        SubmittedVerbs.Add((string)value["verb"]!);
        HttpResponseMessage response = await PostAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>
    /// Sends the card's <c>refresh</c> action as Teams does when <paramref name="user"/> views the card
    /// (trigger automatic); returns the card the bot answered with, the per-user view.
    /// </summary>
    public async Task<JsonObject> RefreshAsync(string messageId, JsonObject card, string user, CancellationToken cancellationToken = default)
    {
        JsonObject action = card["refresh"]?["action"]?.AsObject() ?? throw new InvalidOperationException("The card has no refresh.");
        JsonObject invoke = Base("invoke", user);
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = messageId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = action["data"]?.DeepClone() },
            ["trigger"] = "automatic",
        };
        HttpResponseMessage response = await PostAsync(invoke, cancellationToken);
        response.EnsureSuccessStatusCode();
        JsonNode answer = (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
        return answer["value"] as JsonObject ?? throw new InvalidOperationException("The refresh was not answered with a card: " + answer.ToJsonString());
    }

    /// <summary>
    /// The click of "Ik bevestig mijn rol" in <paramref name="user"/>'s own view of the kaart <paramref name="sharedCard"/>
    /// (the shared card has no such button), without the refresh that shows that view first.
    /// </summary>
    public async Task<JsonNode> ClickConfirmAsync(string messageId, JsonObject sharedCard, string user, CancellationToken cancellationToken = default)
    {
        JsonObject view = sharedCard.DeepClone().AsObject();
        JsonObject data = view["refresh"]?["action"]?["data"]?.DeepClone().AsObject() ?? throw new InvalidOperationException("The card has no refresh.");
        view["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Ik bevestig mijn rol", ["verb"] = "bevestigen", ["data"] = data });
        return await ClickAsync(messageId, view, "Ik bevestig mijn rol", user: user, cancellationToken: cancellationToken);
    }

    /// <summary>"Ik bevestig mijn rol" as Teams offers it: on the per-user view the refresh gives <paramref name="user"/>.</summary>
    public async Task<JsonNode> ConfirmAsync(string messageId, JsonObject sharedCard, string user, CancellationToken cancellationToken = default)
    {
        JsonObject own = await RefreshAsync(messageId, sharedCard, user, cancellationToken);
        return await ClickAsync(messageId, own, "Ik bevestig mijn rol", user: user, cancellationToken: cancellationToken);
    }

    /// <summary>The card's inputs (every object whose type starts with "Input."), depth first.</summary>
    public static IEnumerable<JsonObject> FindInputs(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"] is JsonValue t && t.TryGetValue(out string? type) && type.StartsWith("Input.", StringComparison.Ordinal) ? [obj] : Enumerable.Empty<JsonObject>())
            .Concat(obj.SelectMany(child => FindInputs(child.Value))),
        JsonArray array => array.SelectMany(FindInputs),
        _ => [],
    };

    /// <summary>The card an <c>Action.ShowCard</c> titled <paramref name="title"/> opens, wherever the card holds it.</summary>
    public static JsonObject ShowCardOf(JsonObject card, string title) =>
        Descendants(card).Single(a => (string?)a["type"] == "Action.ShowCard" && (string?)a["title"] == title)["card"]!.AsObject();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(p => Descendants(p.Value))),
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };

    public static IEnumerable<JsonObject> FindActions(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue t && t.TryGetValue(out string? type) && type == "Action.Execute")
            {
                yield return obj;
            }

            foreach ((_, JsonNode? child) in obj)
            {
                foreach (JsonObject found in FindActions(child))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonObject found in array.SelectMany(FindActions))
            {
                yield return found;
            }
        }
    }

    private JsonObject Base(string type, string user) => new()
    {
        ["type"] = type,
        ["id"] = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture),
        ["timestamp"] = DateTimeOffset.UnixEpoch.AddMilliseconds(Interlocked.Increment(ref _ids)).ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = CurrentServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + user, ["aadObjectId"] = "aad-" + user, ["name"] = user },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = ThreadId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = ChannelType is null ? new JsonObject { ["id"] = Channel } : new JsonObject { ["id"] = Channel, ["type"] = ChannelType },
        },
    };

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        if (Settle is not null)
        {
            await Settle();
        }

        return response;
    }

    /// <summary>The card of a message; an empty object for a text message.</summary>
    public static JsonObject CardOf(Activity activity) =>
        activity.Attachments is [{ Content: JsonObject card }, ..] ? card : [];
}
