using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Evaluation;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Reminders;

public sealed class ReminderSenderTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Mock<IKaartStore> _kaarten = new();
    private readonly Mock<RegieBot.Domain.Outbox.IOutboxStore> _outbox = new();
    private readonly Mock<IConnectorClient> _connector = new();

    private static readonly Kaart Kaart = new()
    {
        Id = "k1",
        Casus = "Familie T.",
        Location = new("19:c@thread.tacv2;messageid=1", "19:c@thread.tacv2", "19:t@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/"),
        Content = new KaartContent
        {
            Professionals = [new Professional { Id = "p1", Naam = "Sanne", AadObjectId = "aad-1", TeamsUserId = "29:1" }],
            BewakerId = "p1",
            AanspreekpuntId = "p1",
            Evaluatiedatum = new DateOnly(2027, 3, 1),
        },
    };

    private static readonly Reminder Due = new()
    {
        KaartId = "k1",
        Kind = ReminderKind.Evaluatie,
        DueAt = Now,
        ServiceUrl = Kaart.Location.ServiceUrl,
        ThreadId = Kaart.Location.ThreadId,
        ETag = "v2",
    };

    private ReminderSender CreateSut()
    {
        CardTemplates templates = new();
        _kaarten.Setup(k => k.BeginPostAsync("k1", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string kaartId, string postId, string conversationId, bool _, CancellationToken _) => new RecordedPost(kaartId, postId, conversationId, null, "e1"));
        _kaarten.Setup(k => k.CompletePostAsync(It.IsAny<RecordedPost>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return new ReminderSender(
            _kaarten.Object, _kaarten.Object, _kaarten.Object, _outbox.Object, new CasusMessages(_connector.Object, _kaarten.Object, new RemovedCard(templates), new RegieBot.Bot.ServiceUrls(Mock.Of<RegieBot.Domain.Conversations.IConversationReferenceStore>())), new EvaluationCard(templates), new EscalationCard(templates),
            new FakeTimeProvider(Now), Options.Create(new ReminderOptions { EvaluationPeriod = "P3M" }), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReminderSender>.Instance);
    }

    private void Posting(Func<Task<ResourceResponse>> answer) =>
        _connector.Setup(c => c.SendToConversationAsync(Kaart.Location.ServiceUrl, Kaart.Location.ThreadId, It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(answer);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ReminderDeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ReminderDeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.InternalServerError, ReminderDeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.Unauthorized, ReminderDeliveryOutcome.RetryLater)]
    [InlineData((HttpStatusCode)0, ReminderDeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.Forbidden, ReminderDeliveryOutcome.Undeliverable)]
    [InlineData(HttpStatusCode.NotFound, ReminderDeliveryOutcome.Undeliverable)]
    public async Task SendAsync_ConnectorFails_SaysWhetherToRetry(HttpStatusCode status, ReminderDeliveryOutcome expected)
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        Posting(() => throw new ConnectorException(status, "Code", "failed"));

        ReminderDelivery delivery = await CreateSut().SendAsync(Due, TestContext.Current.CancellationToken);

        Assert.Equal(expected, delivery.Outcome);
        Assert.Null(delivery.FollowUp);   // nothing is escalated after a send that did not happen
    }

    [Fact]
    public async Task SendAsync_ThrottledThenAccepted_SendsTheEvaluationAndSchedulesTheEscalationAWeekOn()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        int calls = 0;
        Posting(() => ++calls == 1
            ? throw new ConnectorException(HttpStatusCode.TooManyRequests, "Throttled", "slow down")
            : Task.FromResult(new ResourceResponse("1767")));
        ReminderSender sender = CreateSut();

        ReminderDelivery first = await sender.SendAsync(Due, TestContext.Current.CancellationToken);
        ReminderDelivery second = await sender.SendAsync(Due, TestContext.Current.CancellationToken);

        Assert.Equal(ReminderDeliveryOutcome.RetryLater, first.Outcome);
        Assert.Equal((ReminderDeliveryOutcome.Sent, "1767"), (second.Outcome, second.ActivityId));
        Assert.True(
            second.FollowUp is { Kind: ReminderKind.Escalation, KaartId: "k1", ETag: null, PointerETag: null } && second.FollowUp.DueAt == Now.AddDays(7),
            $"the escalation a week on is the follow-up of the send: {second.FollowUp}");
    }

    [Fact]
    public async Task SendAsync_RepeatedAfterACrash_SchedulesTheEscalationFromTheFirstClaimNotFromNow()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        Posting(() => Task.FromResult(new ResourceResponse("1767")));
        DateTimeOffset firstClaim = Now.AddMinutes(-6);   // the crashed instance claimed it; its lease ran out since
        DateTimeOffset expected = new ReminderOptions { EvaluationPeriod = "P3M" }.Schedule.EscalationDue(firstClaim);

        ReminderDelivery delivery = await CreateSut().SendAsync(Due with { FirstClaimedAt = firstClaim }, TestContext.Current.CancellationToken);

        // The crashed attempt scheduled this same row: a repeat must not put a second escalation beside it.
        Assert.True(
            delivery.FollowUp is { Kind: ReminderKind.Escalation, FirstClaimedAt: null } && delivery.FollowUp.DueAt == expected,
            $"the escalation follows from the first claim: {delivery.FollowUp}");
    }

    [Fact]
    public async Task SendAsync_EvaluationCard_MentionsBewakerAndAanspreekpunt()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        Activity? posted = null;
        _connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, Activity a, CancellationToken _) => posted = a)
            .ReturnsAsync(new ResourceResponse("1"));

        await CreateSut().SendAsync(Due, TestContext.Current.CancellationToken);

        string card = posted!.Attachments![0].Content!.ToJsonString();
        Assert.Contains("\"mentioned\":{\"id\":\"29:1\"", card, StringComparison.Ordinal);
        Assert.Contains("Wat was de vraag?", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PostedBeforeACrash_IsNotPostedAgain()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        _kaarten.Setup(k => k.GetPostAsync("k1", Due.PostId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecordedPost("k1", Due.PostId, Kaart.Location.ThreadId, "posted-1", "e1"));

        ReminderDelivery delivery = await CreateSut().SendAsync(Due, TestContext.Current.CancellationToken);

        Assert.Equal((ReminderDeliveryOutcome.Sent, "posted-1"), (delivery.Outcome, delivery.ActivityId));
        _connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendAsync_ErasureStarted_IsObsoleteAndSendsNothing()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart);
        _kaarten.Setup(k => k.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart.Location);
        _outbox.Setup(o => o.IsErasingAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        ReminderDelivery delivery = await CreateSut().SendAsync(Due, TestContext.Current.CancellationToken);

        // "Verwijderd" was answered and the process died before the rows went: the casus must not speak again.
        Assert.Equal(ReminderDeliveryOutcome.Obsolete, delivery.Outcome);
        _connector.VerifyNoOtherCalls();
        _kaarten.Verify(k => k.BeginPostAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendAsync_KaartClosed_IsObsoleteAndSendsNothing()
    {
        _kaarten.Setup(k => k.GetKaartAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Kaart with { Status = KaartStatus.Afgesloten });

        ReminderDelivery delivery = await CreateSut().SendAsync(Due, TestContext.Current.CancellationToken);

        Assert.Equal(ReminderDeliveryOutcome.Obsolete, delivery.Outcome);
        _connector.VerifyNoOtherCalls();
    }
}
