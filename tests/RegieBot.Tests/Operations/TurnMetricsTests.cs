using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RegieBot.Bot;
using RegieBot.Domain.Turns;
using RegieBot.Operations;

namespace RegieBot.Tests.Operations;

public sealed class TurnMetricsTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IMeterFactory Meters => _factory.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Post_HandledTurn_CountsOneTurnAndItsDuration()
    {
        HttpClient client = _factory.CreateClient();
        using MetricCollector<long> turns = new(Meters, RegieTelemetry.Name, "regiebot.turns");
        using MetricCollector<double> duration = new(Meters, RegieTelemetry.Name, "regiebot.turn.duration");

        await client.PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), Ct);

        CollectedMeasurement<long> turn = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal(1, turn.Value);
        Assert.Equal("message", turn.Tags["activity.type"]);
        Assert.Equal("handled", turn.Tags["outcome"]);
        CollectedMeasurement<double> took = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.InRange(took.Value, 0, 60);
        Assert.Equal("handled", took.Tags["outcome"]);
    }

    [Fact]
    public async Task Post_Redelivery_CountsADuplicate()
    {
        _factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        HttpClient client = _factory.CreateClient();
        using MetricCollector<long> turns = new(Meters, RegieTelemetry.Name, "regiebot.turns");

        await client.PostAsync("/api/messages", Json(Activities.CardAction("onbekend")), Ct);

        CollectedMeasurement<long> turn = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal("invoke", turn.Tags["activity.type"]);
        Assert.Equal("duplicate", turn.Tags["outcome"]);
    }

    [Fact]
    public async Task Post_UnknownActivityType_IsCountedAsOther()
    {
        HttpClient client = _factory.CreateClient();
        using MetricCollector<long> turns = new(Meters, RegieTelemetry.Name, "regiebot.turns");

        await client.PostAsync("/api/messages", Json("""{"type":"x-made-up","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","from":{"id":"29:1"},"conversation":{"id":"a:1"}}"""), Ct);

        Assert.Equal("other", Assert.Single(turns.GetMeasurementSnapshot()).Tags["activity.type"]);
    }

    [Fact]
    public async Task Post_Refused_CountsTheRefusalWithItsStatus()
    {
        HttpClient client = _factory.CreateClient();
        using MetricCollector<long> refused = new(Meters, RegieTelemetry.Name, "regiebot.requests.refused");

        await client.PostAsync("/api/messages", Json("[]"), Ct);

        CollectedMeasurement<long> measurement = Assert.Single(refused.GetMeasurementSnapshot());
        Assert.Equal(400, measurement.Tags["http.response.status_code"]);
        Assert.Equal("request", measurement.Tags["reason"]);
    }

    [Fact]
    public void Meter_ReminderInstruments_AreDefined()
    {
        RegieTelemetry telemetry = _factory.Services.GetRequiredService<RegieTelemetry>();
        using MetricCollector<long> sent = new(telemetry.RemindersSent);
        using MetricCollector<long> failed = new(telemetry.RemindersFailed);

        telemetry.RemindersSent.Add(2);
        telemetry.RemindersFailed.Add(1);

        Assert.Equal((RegieTelemetry.Name, "regiebot.reminders.sent", 2L), (telemetry.RemindersSent.Meter.Name, telemetry.RemindersSent.Name, sent.LastMeasurement!.Value));
        Assert.Equal(("regiebot.reminders.failed", 1L), (telemetry.RemindersFailed.Name, failed.LastMeasurement!.Value));
    }

    [Fact]
    public async Task Post_Turn_LogsCarryTheTurnScopeWithHashesOnly()
    {
        using WebApplicationFactory<Program> app = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Debug");
            b.ConfigureLogging(l => l.AddFakeLogging());
        });
        string activity = Activities.ChannelMessage("help", id: "1767225611111");

        await app.CreateClient().PostAsync("/api/messages", Json(activity), Ct);

        FakeLogRecord received = Assert.Single(app.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1001);
        TurnLogScope scope = Assert.Single(received.Scopes.OfType<TurnLogScope>());
        Dictionary<string, object> values = scope.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(global::RegieBot.Bot.TurnKeyFactory.ForLog("1767225611111"), values["ActivityIdHash"]);
        Assert.Equal(global::RegieBot.Bot.TurnKeyFactory.ForLog(Activities.ThreadId), values["ConversationHash"]);
        Assert.Equal(global::RegieBot.Bot.TurnKeyFactory.ForLog(Activities.TenantId), values["TenantHash"]);
        Assert.DoesNotContain(Activities.ThreadId, scope.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OtlpEndpointConfigured_RegistersTracingAndMetricsExport()
    {
        using WebApplicationFactory<Program> app = _factory.WithWebHostBuilder(b => b.UseSetting(OperationsHostingExtensions.OtlpEndpointKey, "http://127.0.0.1:4317"));

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Null(_factory.Services.GetService<TracerProvider>());
    }
}
