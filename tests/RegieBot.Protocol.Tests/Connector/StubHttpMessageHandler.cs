using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>The network, for tests: answers queued responses in order and records every request it saw.</summary>
internal sealed class StubHttpMessageHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();

    /// <summary>Answers once the queue is empty; by default a failing 599 so a missing setup is visible.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Fallback { get; set; } =
        _ => new HttpResponseMessage((HttpStatusCode)599) { Content = new StringContent("no response queued") };

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public StubHttpMessageHandler Respond(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        lock (_lock)
        {
            _responses.Enqueue(respond);
        }

        return this;
    }

    public StubHttpMessageHandler Respond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        Respond(_ =>
        {
            HttpResponseMessage response = new(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return response;
        });

    public StubHttpMessageHandler Throw(Exception exception) => Respond(_ => throw exception);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpRequestMessage, HttpResponseMessage> respond;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(
                request.Method, request.RequestUri!, body, request.Content?.Headers.ContentType, request.Headers.Authorization, time.GetUtcNow()));
            respond = _responses.Count > 0 ? _responses.Dequeue() : Fallback;
        }

        HttpResponseMessage response = respond(request);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, string? Body, MediaTypeHeaderValue? ContentType, AuthenticationHeaderValue? Authorization, DateTimeOffset At);
