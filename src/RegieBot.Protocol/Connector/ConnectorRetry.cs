using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// The connector's resilience pipeline: a total timeout around bounded retries (exponential backoff with jitter,
/// <c>Retry-After</c> honoured up to <see cref="ConnectorOptions.MaxRetryAfter"/>) around a per-attempt timeout.
/// 400, 401, 403, 404 and 413 are final; 401 is handled by <see cref="BotTokenHandler"/>. A POST whose outcome is unknown
/// is not retried (see <see cref="ShouldRetry"/>). A 429 is remembered in
/// <see cref="ConnectorThrottle"/>, and a retry waits at least as long as the throttle of its channel still asks.
/// </summary>
internal static class ConnectorRetry
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options, TimeProvider timeProvider, ConnectorThrottle throttle, ILogger logger)
    {
        builder.TimeProvider = timeProvider;
        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
                DelayGenerator = args => ValueTask.FromResult(
                    Delay(args.Outcome.Result, args.Context.GetRequestMessage()?.RequestUri, timeProvider.GetUtcNow(), options.MaxRetryAfter, throttle)),
                OnRetry = args =>
                {
                    HttpResponseMessage? response = args.Outcome.Result;
                    logger.ConnectorCallRetrying(
                        response?.RequestMessage?.RequestUri?.Host ?? "(unknown)",
                        response is null ? null : (int)response.StatusCode,
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        response is null ? null : ConnectorClient.CorrelationIdOf(response),
                        args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Whether to try again. A POST makes a new message: after an answer that does not say Teams left it alone (a 500,
    /// 502 or 504, a timeout, a connection lost mid-request) it may have landed, and a second POST would show it twice.
    /// Such a POST is not retried here but by its caller's outbox, which first looks for it by its record. A POST is
    /// retried only when Teams did not take it: throttled (429), unavailable (503), or a connection never made.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method = null)
    {
        bool creates = method == HttpMethod.Post;
        return outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => !creates,
            { Result: { } response } => creates ? response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable : IsRetryable(response.StatusCode),
            _ => false,
        };
    }

    internal static bool IsRetryable(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait before a retry: what this answer's <c>Retry-After</c> asks for, and no less than the channel is still
    /// throttled for (another call's 429); null (the backoff) when neither applies.
    /// </summary>
    private static TimeSpan? Delay(HttpResponseMessage? response, Uri? uri, DateTimeOffset now, TimeSpan cap, ConnectorThrottle throttle)
    {
        TimeSpan? own = RetryAfter(response, now, cap);
        if (response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throttle.Record(uri, own);
        }

        TimeSpan shared = throttle.WaitFor(uri);
        return own is null && shared == TimeSpan.Zero ? null : own > shared ? own : shared;
    }

    /// <summary>The wait a <c>Retry-After</c> asks for (seconds or an HTTP date), capped; null means "use the backoff".</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        RetryConditionHeaderValue? retryAfter = response?.Headers.RetryAfter;
        TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
