using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RegieBot.Operations;

internal static class OperationsHostingExtensions
{
    public const string HealthPath = "/healthz";

    /// <summary>The OTLP endpoint variable of the OpenTelemetry specification; when it is empty nothing is exported.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The bot's meter and activity source (always, so tests and in-process listeners see them), and — when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set — OpenTelemetry traces, metrics and logs (with scopes) exported by OTLP.
    /// </summary>
    public static IHostApplicationBuilder AddRegieTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RegieTelemetry>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        string serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : "regiebot";
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;            // the turn's hashes travel with every log record
            logging.IncludeFormattedMessage = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(RegieTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(RegieTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => context.Request.Path != HealthPath)
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(RegieTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    public static IEndpointRouteBuilder MapRegieHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return endpoints;
    }
}
