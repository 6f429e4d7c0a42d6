using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegieBot.Benchmarks.Turns;

/// <summary>
/// A small stand-in for the Bot Connector on loopback: answers the v3 routes the bot uses with fresh ids (every call
/// after <c>delay</c>, as a slow Teams would), and keeps what was posted or updated per conversation (raw bytes, parsed
/// only when the driver asks) until it is forgotten. A forgotten conversation whose kaart card is expected to show
/// confirmations keeps that card until it does (<see cref="ExpectConfirmations"/>, <see cref="CardMismatches"/>).
/// </summary>
internal sealed class ConnectorStandIn : IAsyncDisposable
{
    private static readonly JsonArray Members =
    [
        new JsonObject { ["id"] = "29:sanne", ["aadObjectId"] = "aad-sanne", ["name"] = "Sanne de Vries" },
        new JsonObject { ["id"] = "29:ahmed", ["aadObjectId"] = "aad-ahmed", ["name"] = "Ahmed El Amrani" },
        new JsonObject { ["id"] = "29:petra", ["aadObjectId"] = "aad-petra", ["name"] = "Petra Jansen" },
    ];

    /// <summary>What the regiekaart card shows for each confirmed role (KaartCard).</summary>
    private const string ConfirmedText = "Rol bevestigd op";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string CardId, int Confirmations)> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _kept = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private long _nextId = 1767225700000;
    private long _calls;
    private long _throttled;

    private ConnectorStandIn(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>While set, every call is answered 429 with this <c>Retry-After</c>, as a throttling Teams does.</summary>
    public TimeSpan? Throttle { get; set; }

    /// <summary>Calls answered 429 (<see cref="Throttle"/>).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public static async Task<ConnectorStandIn> StartAsync(TimeSpan delay)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        if (delay > TimeSpan.Zero)
        {
            app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                await Task.Delay(delay, context.RequestAborted);
                await next(context);
            });
        }

        ConnectorStandIn standIn = new(app);
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (standIn.Throttle is { } retryAfter)
            {
                Interlocked.Increment(ref standIn._throttled);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = "Throttled" } });
                return;
            }

            await next(context);
        });
        standIn.Map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ServiceUrl = address.TrimEnd('/') + "/";
        return standIn;
    }

    /// <summary>The messages of a conversation by id, parsed.</summary>
    public IReadOnlyList<(string Id, JsonObject Activity)> MessagesOf(string conversationId) =>
        _messages.TryGetValue(conversationId, out ConcurrentDictionary<string, byte[]>? messages)
            ? [.. messages.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, JsonNode.Parse(m.Value)!.AsObject()))]
            : [];

    /// <summary>
    /// Forgets what was posted in the conversation (later updates of its messages are answered as done); when its kaart
    /// card is expected to show confirmations it does not show yet, that card is kept until an update shows them.
    /// </summary>
    public void Forget(string conversationId)
    {
        if (_expected.TryGetValue(conversationId, out (string CardId, int Confirmations) expected)
            && _messages.TryGetValue(conversationId, out ConcurrentDictionary<string, byte[]>? messages))
        {
            foreach (string id in messages.Keys.Where(id => id != expected.CardId))
            {
                messages.TryRemove(id, out _);
            }

            _kept[conversationId] = true;
            Settle(conversationId);
            return;
        }

        _messages.TryRemove(conversationId, out _);
    }

    /// <summary>The kaart card <paramref name="cardId"/> of the conversation shall show <paramref name="confirmations"/> confirmed roles in the end.</summary>
    public void ExpectConfirmations(string conversationId, string cardId, int confirmations) =>
        _expected[conversationId] = (cardId, confirmations);

    /// <summary>The kaart cards whose last version Teams got does not show every confirmation expected of it.</summary>
    public int CardMismatches()
    {
        foreach (string conversationId in _expected.Keys)
        {
            Settle(conversationId);
        }

        return _expected.Count;
    }

    /// <summary>Drops the expectation (and, once forgotten, the card) when the card shows it; true when it did.</summary>
    private bool Settle(string conversationId)
    {
        if (!_expected.TryGetValue(conversationId, out (string CardId, int Confirmations) expected)
            || !_messages.TryGetValue(conversationId, out ConcurrentDictionary<string, byte[]>? messages)
            || !messages.TryGetValue(expected.CardId, out byte[]? card))
        {
            return false;
        }

        string text = System.Text.Encoding.UTF8.GetString(card);
        int shown = 0;
        for (int at = text.IndexOf(ConfirmedText, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ConfirmedText, at + 1, StringComparison.Ordinal))
        {
            shown++;
        }

        if (shown < expected.Confirmations || !_expected.TryRemove(KeyValuePair.Create(conversationId, expected)))
        {
            return false;
        }

        if (_kept.TryRemove(conversationId, out _))
        {
            _messages.TryRemove(conversationId, out _);   // forgotten already: only the card was kept
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => PostAsync(conversationId, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest request) => PostAsync(conversationId, request));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
        {
            Interlocked.Increment(ref _calls);
            if (!_messages.TryGetValue(conversationId, out ConcurrentDictionary<string, byte[]>? messages)
                || (_kept.ContainsKey(conversationId) && !messages.ContainsKey(activityId)))
            {
                return Results.Json(new JsonObject { ["id"] = activityId });   // a conversation (or message) the stand-in forgot
            }

            if (!messages.ContainsKey(activityId))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "ActivityNotFoundInConversation" } }, statusCode: 404);
            }

            messages[activityId] = await ReadAsync(request);
            if (_expected.ContainsKey(conversationId))
            {
                Settle(conversationId);
            }

            return Results.Json(new JsonObject { ["id"] = activityId });
        });
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId) =>
        {
            Interlocked.Increment(ref _calls);
            Conversation(conversationId).TryRemove(activityId, out _);
            return Results.Ok();
        });
        app.MapPost("/v3/conversations", () =>
        {
            Interlocked.Increment(ref _calls);
            string id = NextId();
            return Results.Json(new JsonObject { ["id"] = "a:" + id, ["activityId"] = id });
        });
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.Json(new JsonObject { ["members"] = Members.DeepClone() });
        });
        app.MapGet("/v3/conversations/{conversationId}/members", () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.Json(Members.DeepClone());
        });
    }

    private async Task<IResult> PostAsync(string conversationId, HttpRequest request)
    {
        Interlocked.Increment(ref _calls);
        string id = NextId();
        Conversation(conversationId)[id] = await ReadAsync(request);
        return Results.Json(new JsonObject { ["id"] = id });
    }

    private ConcurrentDictionary<string, byte[]> Conversation(string conversationId) =>
        _messages.GetOrAdd(conversationId, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using MemoryStream buffer = new();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
