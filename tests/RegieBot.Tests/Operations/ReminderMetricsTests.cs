using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Common;
using RegieBot.Domain.Reminders;
using RegieBot.Evaluation;
using RegieBot.Operations;

namespace RegieBot.Tests.Operations;

/// <summary>The dispatcher counts deliveries in <c>regiebot.reminders.sent</c> and <c>regiebot.reminders.failed</c>.</summary>
public sealed class ReminderMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Mock<IReminderStore> _store = new();
    private readonly Mock<IReminderSender> _sender = new();
    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    [Theory]
    [InlineData(ReminderDeliveryOutcome.Sent, 1, 0)]
    [InlineData(ReminderDeliveryOutcome.RetryLater, 0, 1)]
    [InlineData(ReminderDeliveryOutcome.Undeliverable, 0, 1)]
    public async Task DispatchDueAsync_Delivery_IsCountedAsSentOrFailed(ReminderDeliveryOutcome outcome, long sent, long failed)
    {
        Reminder due = new()
        {
            KaartId = "k1",
            Kind = ReminderKind.Evaluatie,
            DueAt = Now.AddMinutes(-1),
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ThreadId = "19:c;messageid=1",
            ETag = "v1",
        };
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        _store.Setup(s => s.TryClaimAsync(due, Now, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(due);
        _sender.Setup(s => s.SendAsync(due, It.IsAny<CancellationToken>())).ReturnsAsync(new ReminderDelivery(outcome, "1767"));
        RegieTelemetry telemetry = new(_meters);
        using MetricCollector<long> sentCollector = new(telemetry.RemindersSent);
        using MetricCollector<long> failedCollector = new(telemetry.RemindersFailed);
        ReminderDispatcher dispatcher = new(
            _store.Object, _sender.Object, new FakeTimeProvider(Now), Options.Create(new ReminderOptions()),
            NullLogger<ReminderDispatcher>.Instance, telemetry);

        await dispatcher.DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(sent, sentCollector.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(failed, failedCollector.GetMeasurementSnapshot().Sum(m => m.Value));
        CollectedMeasurement<long> measurement = Assert.Single([.. sentCollector.GetMeasurementSnapshot(), .. failedCollector.GetMeasurementSnapshot()]);
        Assert.Equal("Evaluatie", measurement.Tags["reminder.kind"]);
        Assert.Equal(outcome.ToString(), measurement.Tags["outcome"]);
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            System.Diagnostics.Metrics.Meter meter = new(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
