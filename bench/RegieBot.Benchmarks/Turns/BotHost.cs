using System.Diagnostics;
using System.Net;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Benchmarks.Measuring;
using RegieBot.Protocol.Connector;
using RegieBot.Storage;

namespace RegieBot.Benchmarks.Turns;

/// <summary>
/// The real RegieBot host in this process, on Kestrel at 127.0.0.1 (a free port), on Azurite with tables of its own
/// prefix, in anonymous local mode. Only metering is added: a middleware in front of the bot endpoint that times each
/// turn and gives it a <see cref="RequestMeter"/>, the storage pipeline policy and the connector handler.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    public const string TurnKindHeader = "X-Bench-Turn";

    private readonly string _tablePrefix;
    private readonly string _storage;
    private readonly TurnRecorder _recorder;
    private readonly ActivityListener _relaySpans;
    private int _relayRunning;

    public BotHost(string repositoryRoot, string tablePrefix, string storage, TurnRecorder recorder)
    {
        // The host's content root (appsettings.json); WebApplicationFactory reads it from this variable first.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REGIEBOT", Path.Combine(repositoryRoot, "src", "RegieBot"));
        _tablePrefix = tablePrefix;
        _storage = storage;
        _recorder = recorder;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

        // The relay's spans exist only while someone listens: this listener makes them (and nothing else), so that the
        // meters can tell the relay's requests from the request path's, and counts the relay work running or waiting.
        _relaySpans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RegieBot.Operations.RegieTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == RegieBot.Operations.RegieTelemetry.OutboxSpanName ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStarted = span => Interlocked.Increment(ref _relayRunning),
            ActivityStopped = span => Interlocked.Decrement(ref _relayRunning),
        };
        ActivitySource.AddActivityListener(_relaySpans);
    }

    /// <summary>
    /// Waits until no outbox work has run for a moment (work is started right after a commit, so a quiet moment after
    /// the last answer means it is all done), at most <paramref name="timeout"/>; false when it did not settle.
    /// </summary>
    public async Task<bool> RelayIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Stopwatch waited = Stopwatch.StartNew();
        Stopwatch quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            if (Volatile.Read(ref _relayRunning) > 0)
            {
                quiet.Restart();
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _relaySpans.Dispose();
    }

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("MicrosoftAppId", string.Empty);
        builder.UseSetting("RegieBot:Storage:ConnectionString", _storage);
        builder.UseSetting("RegieBot:Storage:TablePrefix", _tablePrefix);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddKeyedSingleton<HttpPipelinePolicy>(StorageHostingExtensions.PipelinePolicyKey, new StorageRequestPolicy(_tablePrefix));
            services.AddHttpClient(ConnectorHostingExtensions.HttpClientName).AddHttpMessageHandler(() => new ConnectorRequestHandler());
            services.AddSingleton<IStartupFilter>(new MeteringStartupFilter(_recorder));
        });
    }

    private sealed class MeteringStartupFilter(TurnRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (!context.Request.Headers.TryGetValue(TurnKindHeader, out Microsoft.Extensions.Primitives.StringValues kind))
                {
                    await nextMiddleware(context);
                    return;
                }

                RequestMeter meter = new(kind.ToString(), recorder);
                RequestMeter.Current = meter;
                TimeSpan pausedBefore = GC.GetTotalPauseDuration();
                long started = Stopwatch.GetTimestamp();
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    RequestMeter.Current = null;
                    recorder.Record(kind.ToString(), Stopwatch.GetTimestamp() - started, meter, context.Response.StatusCode, GC.GetTotalPauseDuration() - pausedBefore);
                }
            });
            next(app);
        };
    }
}
