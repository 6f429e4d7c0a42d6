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

    public BotHost(string repositoryRoot, string tablePrefix, string storage, TurnRecorder recorder)
    {
        // The host's content root (appsettings.json); WebApplicationFactory reads it from this variable first.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REGIEBOT", Path.Combine(repositoryRoot, "src", "RegieBot"));
        _tablePrefix = tablePrefix;
        _storage = storage;
        _recorder = recorder;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
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

                RequestMeter meter = new();
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
