using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// Outside the retry pipeline: a call waits until its channel is no longer throttled before its first attempt, and a
/// final 429 (the retries used up) is remembered for the calls after it. The retries themselves wait in the pipeline
/// (<see cref="ConnectorRetry"/>), outside the per-attempt timeout.
/// </summary>
internal sealed class ConnectorThrottleHandler(ConnectorThrottle throttle, TimeProvider time, IOptions<ConnectorOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (TimeSpan wait = throttle.WaitFor(request.RequestUri); wait > TimeSpan.Zero; wait = throttle.WaitFor(request.RequestUri))
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throttle.Record(request.RequestUri, ConnectorRetry.RetryAfter(response, time.GetUtcNow(), options.Value.MaxRetryAfter));
        }

        return response;
    }
}
