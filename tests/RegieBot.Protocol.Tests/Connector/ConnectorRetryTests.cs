using System.Net;
using System.Net.Http.Headers;
using Polly.Timeout;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>The retry pipeline as registered by AddBotConnector, on a fake clock.</summary>
public sealed class ConnectorRetryTests
{
    private const string ConversationId = "a:1xyz";

    /// <summary>Real milliseconds: a call still waiting on the fake clock fails the test instead of hanging the run.</summary>
    private const int ClockTestTimeout = 10_000;

    [Fact(Timeout = ClockTestTimeout)]
    public async Task SendToConversationAsync_429WithRetryAfterSeconds_WaitsThatLongThenRetries()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network
            .Respond(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled"}}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, """{"id":"1"}""");

        Task<ResourceResponse> call = Send(host, TestContext.Current.CancellationToken);
        Assert.Single(host.Network.Requests);
        host.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Single(host.Network.Requests);
        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        ResourceResponse response = await call;

        Assert.Equal("1", response.Id);
        Assert.Equal(2, host.Network.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), host.Network.Requests[1].At - host.Network.Requests[0].At);
    }

    [Fact(Timeout = ClockTestTimeout)]
    public async Task SendToConversationAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        DateTimeOffset retryAt = host.Time.GetUtcNow().AddSeconds(5);
        host.Network
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt))
            .Respond(HttpStatusCode.OK, """{"id":"1"}""");

        Task<ResourceResponse> call = Send(host, TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Single(host.Network.Requests);
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await call;

        Assert.Equal(retryAt, host.Network.Requests[1].At);
    }

    [Fact(Timeout = ClockTestTimeout)]
    public async Task SendToConversationAsync_429WithLongRetryAfter_WaitsOnlyTheConfiguredMaximum()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAfter"] = "00:00:10",
        });
        host.Network
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)))
            .Respond(HttpStatusCode.OK, """{"id":"1"}""");

        Task<ResourceResponse> call = Send(host, TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Single(host.Network.Requests);
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await call;

        Assert.Equal(TimeSpan.FromSeconds(10), host.Network.Requests[1].At - host.Network.Requests[0].At);
    }

    [Fact]
    public async Task SendToConversationAsync_503TwiceThen200_RetriesAndReturnsTheId()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.Created, """{"id":"1767225700000"}""");

        ResourceResponse response = await Send(host, TestContext.Current.CancellationToken);

        Assert.Equal("1767225700000", response.Id);
        Assert.Equal(3, host.Network.Requests.Count);
        Assert.All(host.Network.Requests, r => Assert.Equal("""{"type":"message","text":"Hallo"}""", r.Body));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task UpdateActivityAsync_TransientStatusThen200_IsRetried(HttpStatusCode status)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Respond(status).Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await host.Client.UpdateActivityAsync(ConnectorTestHost.ServiceUrl, ConversationId, "1", new Activity { Type = "message" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, host.Network.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task SendToConversationAsync_FinalStatus_IsNotRetried(HttpStatusCode status)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Respond(status, """{"error":{"code":"BadArgument","message":"x"}}""").Respond(HttpStatusCode.OK, """{"id":"1"}""");

        ConnectorException exception = await Assert.ThrowsAnyAsync<ConnectorException>(() => Send(host, TestContext.Current.CancellationToken));

        Assert.Equal(status, exception.StatusCode);
        Assert.Single(host.Network.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_Always503_GivesUpAfterConfiguredAttempts()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAttempts"] = "2",
        });
        host.Network.Fallback = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => Send(host, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(3, host.Network.Requests.Count);
    }

    [Fact(Timeout = ClockTestTimeout)]
    public async Task SendToConversationAsync_503WithBackoff_WaitsOnTheClockNoLongerThanMaxDelay()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:RetryBaseDelay"] = "00:00:01",
            [$"{ConnectorOptions.SectionName}:RetryMaxDelay"] = "00:00:04",
        });
        host.Network.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, """{"id":"1"}""");

        Task<ResourceResponse> call = Send(host, TestContext.Current.CancellationToken);
        Assert.Single(host.Network.Requests);
        Assert.False(call.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(4));
        await call;

        TimeSpan waited = host.Network.Requests[1].At - host.Network.Requests[0].At;
        Assert.InRange(waited, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectionNeverMadeThen200_IsRetried()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")).Respond(HttpStatusCode.OK, """{"id":"1"}""");

        ResourceResponse response = await Send(host, TestContext.Current.CancellationToken);

        Assert.Equal("1", response.Id);
        Assert.Equal(2, host.Network.Requests.Count);
    }

    /// <summary>
    /// A new message that may have landed (a 500, 502 or 504, a connection lost mid-request) is not posted again within
    /// the call: it would appear twice. Its caller's outbox tries again, after looking for it by its record.
    /// </summary>
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(null)]
    public async Task SendToConversationAsync_OutcomeUnknown_IsNotPostedAgain(HttpStatusCode? status)
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        _ = status is { } code ? host.Network.Respond(code) : host.Network.Throw(new HttpRequestException("connection reset"));
        host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => Send(host, TestContext.Current.CancellationToken));

        Assert.Single(host.Network.Requests);
        if (status is { } expected)
        {
            Assert.Equal(expected, exception.StatusCode);
        }
    }

    [Fact]
    public async Task SendToConversationAsync_NetworkAlwaysFails_ThrowsConnectorExceptionAfterRetries()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create();
        host.Network.Fallback = _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused");

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => Send(host, TestContext.Current.CancellationToken));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(4, host.Network.Requests.Count);
    }

    [Fact(Timeout = ClockTestTimeout)]
    public async Task SendToConversationAsync_RetryAftersExceedTotalTimeout_StopsAtTheTotalTimeout()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAttempts"] = "10",
            [$"{ConnectorOptions.SectionName}:TotalTimeout"] = "00:00:40",
        });
        host.Network.Fallback = _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)) },
        };

        Task<ResourceResponse> call = Send(host, TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(10));
        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(() => call);

        Assert.IsType<TimeoutRejectedException>(exception.InnerException);
        Assert.InRange(host.Network.Requests.Count, 1, 2);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(60, 30)]
    [InlineData(0, 0)]
    public void RetryAfter_DeltaSeconds_IsCappedAtMaximum(int seconds, int expectedSeconds)
    {
        using HttpResponseMessage response = new(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        TimeSpan? wait = ConnectorRetry.RetryAfter(response, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait);
    }

    [Fact]
    public void RetryAfter_DateInThePast_IsZero()
    {
        using HttpResponseMessage response = new(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UnixEpoch);

        TimeSpan? wait = ConnectorRetry.RetryAfter(response, DateTimeOffset.UnixEpoch.AddMinutes(1), TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void RetryAfter_NoHeader_IsNullSoBackoffApplies()
    {
        using HttpResponseMessage response = new(HttpStatusCode.ServiceUnavailable);

        Assert.Null(ConnectorRetry.RetryAfter(response, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(30)));
    }

    private static Task<ResourceResponse> Send(ConnectorTestHost host, CancellationToken cancellationToken) =>
        host.Client.SendToConversationAsync(
            ConnectorTestHost.ServiceUrl, ConversationId, new Activity { Type = "message", Text = "Hallo" }, cancellationToken);
}
