using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Common;
using RegieBot.Domain.Reminders;
using RegieBot.Evaluation;

namespace RegieBot.Tests.Reminders;

public sealed class ReminderDispatcherTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly Mock<IReminderStore> _store = new(MockBehavior.Strict);
    private readonly Mock<IReminderSender> _sender = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(Now);

    private ReminderDispatcher CreateSut() => new(
        _store.Object, _sender.Object, _time,
        Options.Create(new ReminderOptions { ClaimLease = Lease, BatchSize = 50, MaxSendsPerSecond = 5, RetryDelay = TimeSpan.FromMinutes(1) }),
        NullLogger<ReminderDispatcher>.Instance);

    private static Reminder Due(string kaart, int attempts = 0) => new()
    {
        KaartId = kaart,
        Kind = ReminderKind.Evaluatie,
        DueAt = Now.AddMinutes(-1),
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ThreadId = "19:c;messageid=1",
        Attempts = attempts,
        ETag = "v1",
    };

    private void Claimable(Reminder due) =>
        _store.Setup(s => s.TryClaimAsync(due, Now, Now + Lease, It.IsAny<CancellationToken>())).ReturnsAsync(due with { ClaimedUntil = Now + Lease, ETag = "v2" });

    [Fact]
    public async Task DispatchDueAsync_ClaimLostToAnotherInstance_DoesNotSend()
    {
        Reminder due = Due("k1");
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        _store.Setup(s => s.TryClaimAsync(due, Now, Now + Lease, It.IsAny<CancellationToken>())).ReturnsAsync((Reminder?)null);

        int sent = await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, sent);
        _sender.Verify(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DispatchDueAsync_BacklogFoundOnSaturdayNight_WaitsForWorkingHours()
    {
        _time.SetUtcNow(new DateTimeOffset(2027, 3, 6, 22, 30, 0, TimeSpan.Zero));   // Saturday 23:30 in Amsterdam
        _store.Setup(s => s.GetDueAsync(_time.GetUtcNow(), 50, It.IsAny<CancellationToken>())).ReturnsAsync([Due("k1"), Due("k2")]);

        int sent = await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, sent);   // strict mocks: nothing was claimed, so it is found again on Monday at 09:00
        _sender.Verify(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DispatchDueAsync_Delivered_IsMarkedSent()
    {
        Reminder due = Due("k1");
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        Claimable(due);
        _sender.Setup(s => s.SendAsync(It.Is<Reminder>(r => r.ETag == "v2"), It.IsAny<CancellationToken>())).ReturnsAsync(new ReminderDelivery(ReminderDeliveryOutcome.Sent, "1767"));
        _store.Setup(s => s.MarkSentAsync(It.Is<Reminder>(r => r.ETag == "v2"), "1767", Now, null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.Equal(1, await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken));
        _store.VerifyAll();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    public async Task DispatchDueAsync_Throttled_IsRetriedLaterWithBackoff(int attempts, int minutes)
    {
        Reminder due = Due("k1", attempts);
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        Claimable(due);
        _sender.Setup(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ReminderDelivery(ReminderDeliveryOutcome.RetryLater));
        _store.Setup(s => s.RetryLaterAsync(It.IsAny<Reminder>(), Now.AddMinutes(minutes), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.Equal(0, await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken));
        _store.VerifyAll();
    }

    [Fact]
    public async Task DispatchDueAsync_BotRemoved_IsMarkedUndeliverableAndNotRetried()
    {
        Reminder due = Due("k1");
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        Claimable(due);
        _sender.Setup(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ReminderDelivery(ReminderDeliveryOutcome.Undeliverable));
        _store.Setup(s => s.MarkUndeliverableAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken);

        _store.Verify(s => s.MarkUndeliverableAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DispatchDueAsync_KaartClosedOrErasedMeanwhile_DropsTheReminder()
    {
        Reminder due = Due("k1");
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync([due]);
        Claimable(due);
        _sender.Setup(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ReminderDelivery(ReminderDeliveryOutcome.Obsolete));
        _store.Setup(s => s.DropAsync(It.Is<Reminder>(r => r.KaartId == "k1"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken);

        _store.VerifyAll();
    }

    [Fact]
    public async Task DispatchDueAsync_SeveralDue_AreSpreadAtTheConfiguredPace()
    {
        Reminder[] due = [Due("k1"), Due("k2"), Due("k3")];
        _store.Setup(s => s.GetDueAsync(Now, 50, It.IsAny<CancellationToken>())).ReturnsAsync(due);
        _store.Setup(s => s.TryClaimAsync(It.IsAny<Reminder>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Reminder r, DateTimeOffset _, DateTimeOffset until, CancellationToken _) => r with { ClaimedUntil = until });
        List<DateTimeOffset> sendTimes = [];
        _sender.Setup(s => s.SendAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                sendTimes.Add(_time.GetUtcNow());
                return new ReminderDelivery(ReminderDeliveryOutcome.Sent, "1");
            });
        _store.Setup(s => s.MarkSentAsync(It.IsAny<Reminder>(), "1", It.IsAny<DateTimeOffset>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Task<int> dispatch = CreateSut().DispatchDueAsync(TestContext.Current.CancellationToken);
        while (!dispatch.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }

        Assert.Equal(3, await dispatch);
        Assert.Equal(3, sendTimes.Count);
        Assert.All(sendTimes.Zip(sendTimes.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(200), $"{pair.First:O} {pair.Second:O}"));
    }
}
