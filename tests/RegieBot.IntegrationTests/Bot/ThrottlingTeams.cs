using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegieBot.Protocol;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// The recording connector stand-in behind HTTP, so the bot's own connector client, throttle and retry pipeline run:
/// answers the Bot Connector v3 routes from <see cref="RecordingConnector"/> and, while <see cref="Throttling"/> says
/// so, 429 with <c>Retry-After</c> as Teams does. Every request is logged with the moment it arrived (on the host's
/// clock), so a test can check that nothing was sent before a <c>Retry-After</c> had passed.
/// </summary>
internal sealed class ThrottlingTeams(RecordingConnector teams, TimeProvider time) : HttpMessageHandler
{
    /// <summary>The serviceUrl for activities: loopback, the only kind the bot calls in anonymous local mode.</summary>
    public const string ServiceUrl = "http://127.0.0.1:3979/";

    /// <summary>One request as it reached Teams: when, what, and the answer.</summary>
    public sealed record Request(DateTimeOffset At, string Method, string ConversationId, string? ActivityId, HttpStatusCode Status, TimeSpan? RetryAfter);

    private readonly List<Request> _log = [];
    private readonly Lock _lock = new();

    /// <summary>Decides per request (method, conversation) whether to throttle it: the Retry-After to answer, or null to serve it.</summary>
    public Func<string, string, TimeSpan?> Throttling { get; set; } = (_, _) => null;

    public IReadOnlyList<Request> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>429 for every request until <paramref name="until"/>, each asking to wait <paramref name="retryAfter"/>.</summary>
    public void ThrottleUntil(DateTimeOffset until, TimeSpan retryAfter) => Throttling = (_, _) => time.GetUtcNow() < until ? retryAfter : null;

    /// <summary>
    /// Every request that came before the <c>Retry-After</c> of an earlier 429 had passed (a few milliseconds of timer
    /// tolerance): what a paced bot never sends.
    /// </summary>
    public IReadOnlyList<string> TooEarly()
    {
        List<string> early = [];
        IReadOnlyList<Request> log = Log;
        for (int i = 0; i < log.Count; i++)
        {
            foreach (Request throttled in log.Take(i).Where(r => r.RetryAfter is not null))
            {
                DateTimeOffset allowed = throttled.At + throttled.RetryAfter!.Value - TimeSpan.FromMilliseconds(15);
                if (log[i].At < allowed)
                {
                    early.Add($"{log[i].Method} {log[i].ActivityId} at {log[i].At:HH:mm:ss.fff}, {(allowed - log[i].At).TotalMilliseconds:F0} ms before the Retry-After of the 429 at {throttled.At:HH:mm:ss.fff}");
                    break;
                }
            }
        }

        return early;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // /v3/conversations/{conversation}[/activities[/{activity}] | /pagedmembers]
        string[] segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string conversation = segments.Length > 2 ? Uri.UnescapeDataString(segments[2]) : string.Empty;
        string? activityId = segments.Length > 4 ? Uri.UnescapeDataString(segments[4]) : null;
        string method = request.Method.Method;
        DateTimeOffset at = time.GetUtcNow();
        TimeSpan? retryAfter = Throttling(method, conversation);
        HttpResponseMessage response;
        if (retryAfter is { } wait)
        {
            response = Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled","message":"slow down"}}""");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }
        else
        {
            response = await ServeAsync(request, method, segments, conversation, activityId, cancellationToken);
        }

        lock (_lock)
        {
            _log.Add(new Request(at, method, conversation, activityId, response.StatusCode, retryAfter));
        }

        return response;
    }

    private async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, string method, string[] segments, string conversation, string? activityId, CancellationToken cancellationToken)
    {
        string serviceUrl = request.RequestUri!.GetLeftPart(UriPartial.Authority) + "/";
        try
        {
            if (segments.Length > 3 && segments[3] == "pagedmembers")
            {
                IReadOnlyList<TeamsChannelAccount> members = await teams.GetMembersAsync(serviceUrl, conversation, cancellationToken);
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new PagedMembersResult(null, [.. members]), ProtocolJsonContext.Default.PagedMembersResult));
            }

            if (method == "DELETE")
            {
                await teams.DeleteActivityAsync(serviceUrl, conversation, activityId!, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            Activity activity = JsonSerializer.Deserialize(await request.Content!.ReadAsStringAsync(cancellationToken), ProtocolJsonContext.Default.Activity)!;
            ResourceResponse answer = method == "PUT"
                ? await teams.UpdateActivityAsync(serviceUrl, conversation, activityId!, activity, cancellationToken)
                : await teams.SendToConversationAsync(serviceUrl, conversation, activity, cancellationToken);
            return Json(HttpStatusCode.OK, JsonSerializer.Serialize(answer, ProtocolJsonContext.Default.ResourceResponse));
        }
        catch (ConnectorException ex)
        {
            return Json(ex.StatusCode, "{\"error\":{\"code\":\"" + ex.ErrorCode + "\",\"message\":\"stand-in\"}}");
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
