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
/// 400, 401, 403, 404 and 413 are final; 401 is handled by <see cref="BotTokenHandler"/>.
/// </summary>
internal static class ConnectorRetry
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options, TimeProvider timeProvider, ILogger logger)
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter(args.Outcome.Result, timeProvider.GetUtcNow(), options.MaxRetryAfter)),
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

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsRetryable(response.StatusCode),
        _ => false,
    };

    internal static bool IsRetryable(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

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
