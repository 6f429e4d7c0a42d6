using System.Diagnostics;

namespace RegieBot.Benchmarks.Measuring;

/// <summary>
/// The innermost handler of the bot's connector HttpClient: counts each attempt sent to the Bot Connector (the
/// stand-in) and its time on the current <see cref="RequestMeter"/>, labelled by method.
/// </summary>
internal sealed class ConnectorRequestHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            RequestMeter.CurrentOrBackground.AddConnector(request.Method.Method, Stopwatch.GetTimestamp() - started);
        }
    }
}
