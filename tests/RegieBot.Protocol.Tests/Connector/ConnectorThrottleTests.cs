using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests.Connector;

/// <summary>A 429 holds back every call to the same channel, not only the call's own retry (fake clock).</summary>
public sealed class ConnectorThrottleTests
{
    private const int ClockTestTimeout = 10_000;
    private const string ThreadA = "19:kanaal@thread.tacv2;messageid=1";
    private const string ThreadB = "19:kanaal@thread.tacv2;messageid=2";

    [Fact(Timeout = ClockTestTimeout)]
    public async Task Send_AfterAnotherCallsFinal429_WaitsForItsRetryAfter()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAttempts"] = "1",
        });
        host.Network
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)))
            .Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)))
            .Respond(HttpStatusCode.OK, """{"id":"2"}""");
        CancellationToken ct = TestContext.Current.CancellationToken;

        Task<ResourceResponse> first = Send(host, ThreadA, ct);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        ConnectorException throttled = await Assert.ThrowsAsync<ConnectorException>(() => first);
        Task<ResourceResponse> next = Send(host, ThreadB, ct);
        host.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(2, host.Network.Requests.Count);
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await next;

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), host.Network.Requests[2].At - host.Network.Requests[1].At);
    }

    [Fact(Timeout = ClockTestTimeout)]
    public async Task Retry_OfA503_WaitsWhileTheChannelIsThrottledByAnotherCall_OtherChannelsGoOn()
    {
        using ConnectorTestHost host = ConnectorTestHost.Create(configuration: new Dictionary<string, string?>
        {
            [$"{ConnectorOptions.SectionName}:MaxRetryAttempts"] = "1",
        });
        ConnectorThrottle throttle = host.Services.GetRequiredService<ConnectorThrottle>();
        Uri otherThread = ConnectorClient.BuildUri(ConnectorTestHost.ServiceUrl, "conversations/" + Uri.EscapeDataString(ThreadB) + "/activities");
        host.Network
            .Respond(_ =>
            {
                throttle.Record(otherThread, TimeSpan.FromSeconds(4));   // meanwhile a call in another thread of the channel got 429
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            })
            .Respond(HttpStatusCode.OK, """{"id":"9"}""")
            .Respond(HttpStatusCode.OK, """{"id":"1"}""");
        CancellationToken ct = TestContext.Current.CancellationToken;

        Task<ResourceResponse> call = Send(host, ThreadA, ct);
        await Send(host, "19:ander@thread.tacv2;messageid=9", ct);   // another channel is not held back
        host.Time.Advance(TimeSpan.FromSeconds(3.9));
        Assert.Equal(2, host.Network.Requests.Count);
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await call;

        Assert.Equal(3, host.Network.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(4), host.Network.Requests[2].At - host.Network.Requests[0].At);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/19%3Akanaal%40thread.tacv2%3Bmessageid%3D1/activities", "https://smba.trafficmanager.net/emea\n19:kanaal@thread.tacv2")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1xyz/activities/7", "https://smba.trafficmanager.net/emea\na:1xyz")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations", "https://smba.trafficmanager.net/emea")]
    public void KeyOf_IsTheServiceUrlAndTheChannel(string uri, string key) => Assert.Equal(key, ConnectorThrottle.KeyOf(new Uri(uri)));

    private static Task<ResourceResponse> Send(ConnectorTestHost host, string conversationId, CancellationToken cancellationToken) =>
        host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, conversationId, new Activity { Type = "message", Text = "Hallo" }, cancellationToken);
}
