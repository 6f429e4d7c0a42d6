using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Privacy;

public sealed class CasusEraserTests
{
    private readonly Mock<IKaartStore> _store = new();
    private readonly Mock<IConnectorClient> _connector = new();
    private readonly List<string> _order = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Mock<ICasusDataEraser> Eraser(string name, EraseStage stage)
    {
        Mock<ICasusDataEraser> eraser = new();
        eraser.SetupGet(e => e.Stage).Returns(stage);
        eraser.Setup(e => e.EraseAsync(It.IsAny<CasusFootprint>(), It.IsAny<CancellationToken>()))
            .Callback(() => _order.Add(name))
            .ReturnsAsync(2);
        return eraser;
    }

    private CasusEraser Create(params Mock<ICasusDataEraser>[] erasers) =>
        new(_store.Object, erasers.Select(e => e.Object), _connector.Object, new RemovedCard(new CardTemplates()), NullLogger<CasusEraser>.Instance,
            new RegieBot.Bot.ServiceUrls(Mock.Of<RegieBot.Domain.Conversations.IConversationReferenceStore>()));

    [Fact]
    public async Task EraseAsync_RunsTheErasersStageByStage_TheKaartAfterItsIndexesAndTheRetentionEntryLast()
    {
        _store.SetupSequence(s => s.GetFootprintAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(new CasusFootprint("k1")).ReturnsAsync((CasusFootprint?)null);
        CasusEraser eraser = Create(Eraser("retention", EraseStage.AfterKaart), Eraser("kaart", EraseStage.Kaart), Eraser("reminders", EraseStage.BeforeKaart));

        int deleted = await eraser.EraseAsync("k1", "weg", null, Ct);

        Assert.Equal(["reminders", "kaart", "retention"], _order);
        Assert.Equal(6, deleted);
    }

    [Fact]
    public async Task EraseAsync_APostRecordedDuringTheErasure_IsReplacedByASecondPass()
    {
        // A reminder or a kaart copy that read the casus before the erasure began records its message after the partition
        // was deleted: the second read of the footprint finds it, and that message is replaced too.
        CasusFootprint first = new("k1") { ThreadId = "19:c;messageid=1", ServiceUrl = "https://smba.trafficmanager.net/emea/", Messages = [new("19:c;messageid=1", "a1", true)] };
        _store.SetupSequence(s => s.GetFootprintAsync("k1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(first)
            .ReturnsAsync(new CasusFootprint("k1") { Messages = [new("19:c;messageid=1", "late", true)] })
            .ReturnsAsync((CasusFootprint?)null);
        Mock<ICasusDataEraser> kaart = Eraser("kaart", EraseStage.Kaart);

        await Create(kaart).EraseAsync("k1", "Deze regiekaart is verwijderd.", null, Ct);

        _connector.Verify(c => c.UpdateActivityAsync("https://smba.trafficmanager.net/emea/", "19:c;messageid=1", "a1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
        _connector.Verify(c => c.UpdateActivityAsync("https://smba.trafficmanager.net/emea/", "19:c;messageid=1", "late", It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(["kaart", "kaart"], _order);
    }

    [Fact]
    public async Task EraseAsync_RowsStillWrittenAfterEveryPass_FailsSoTheTombstoneStays()
    {
        _store.Setup(s => s.GetFootprintAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(new CasusFootprint("k1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Create(Eraser("kaart", EraseStage.Kaart)).EraseAsync("k1", "weg", null, Ct));

        Assert.Equal(CasusEraser.MaxPasses, _order.Count);
    }

    [Fact]
    public async Task EraseAsync_ReplacesEveryMessageExceptTheKeptOne_AndGoesOnWhenTeamsRefuses()
    {
        _store.SetupSequence(s => s.GetFootprintAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(new CasusFootprint("k1")
        {
            ThreadId = "19:c;messageid=1",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Messages = [new("19:c;messageid=1", "a1", true), new("19:c;messageid=1", "a2", false), new("19:c;messageid=1", "gone", true), new("19:c;messageid=1", "clicked", true)],
        }).ReturnsAsync((CasusFootprint?)null);
        _connector.Setup(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), "gone", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.NotFound, "ActivityNotFound", "not found"));
        Mock<ICasusDataEraser> kaart = Eraser("kaart", EraseStage.Kaart);

        await Create(kaart).EraseAsync("k1", "Deze regiekaart is verwijderd.", "clicked", Ct);

        _connector.Verify(c => c.UpdateActivityAsync(It.IsAny<string>(), "19:c;messageid=1", "a1", It.Is<Activity>(a => a.Attachments![0].Content!.ToJsonString().Contains("Deze regiekaart is verwijderd.")), It.IsAny<CancellationToken>()), Times.Once);
        _connector.Verify(c => c.UpdateActivityAsync(It.IsAny<string>(), "19:c;messageid=1", "a2", It.Is<Activity>(a => a.Text!.StartsWith("Deze regiekaart is verwijderd.", StringComparison.Ordinal) && a.TextFormat == "plain"), It.IsAny<CancellationToken>()), Times.Once);
        _connector.Verify(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), "clicked", It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(["kaart"], _order);
    }

    [Fact]
    public async Task EraseAsync_TeamsThrottlesAfterTheRetries_ThrowsErasesNothingAndRemembersWhatWasReplaced()
    {
        _store.SetupSequence(s => s.GetFootprintAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(new CasusFootprint("k1")
        {
            ThreadId = "19:c;messageid=1",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Messages = [new("19:c;messageid=1", "a1", true), new("19:c;messageid=1", "a2", true), new("19:c;messageid=1", "a3", true)],
        }).ReturnsAsync((CasusFootprint?)null);
        _connector.Setup(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), "a2", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.TooManyRequests, "Throttled", "slow down"));
        Mock<ICasusDataEraser> kaart = Eraser("kaart", EraseStage.Kaart);

        ConnectorException thrown = await Assert.ThrowsAsync<ConnectorException>(() => Create(kaart).EraseAsync("k1", "weg", null, Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Empty(_order);   // the casus (and so the ids of a2 and a3) stays for the retry
        _store.Verify(s => s.RecordReplacedMessagesAsync("k1", It.Is<IReadOnlyCollection<PostedMessage>>(m => m.Single().ActivityId == "a1"), It.IsAny<CancellationToken>()), Times.Once);
        _connector.Verify(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), "a3", It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task EraseAsync_CasusAlreadyGone_StillRunsEveryEraser()
    {
        CasusEraser eraser = Create(Eraser("kaart", EraseStage.Kaart), Eraser("retention", EraseStage.AfterKaart));

        await eraser.EraseAsync("k-gone", "weg", null, Ct);

        Assert.Equal(["kaart", "retention"], _order);
    }
}
