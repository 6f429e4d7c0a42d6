using Moq;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Common;

/// <summary>A command's post about a casus: recorded before it is sent, never lost to an erasure that overtakes it.</summary>
public sealed class CasusMessagesTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Thread = "19:c@thread.tacv2;messageid=1";
    private static readonly KaartLocation Location = new(Thread, "19:c@thread.tacv2", "19:team@thread.tacv2", "t-1", ServiceUrl);

    private readonly Mock<IKaartStore> _store = new(MockBehavior.Strict);
    private readonly Mock<IConnectorClient> _connector = new();
    private readonly List<string> _order = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CasusMessages Create()
    {
        _store.Setup(s => s.BeginPostAsync("k1", It.IsAny<string>(), Thread, true, It.IsAny<CancellationToken>()))
            .Callback(() => _order.Add("begin"))
            .ReturnsAsync((string kaartId, string postId, string conversationId, bool isCard, CancellationToken _) => new RecordedPost(kaartId, postId, conversationId, null, "e1") { IsCard = isCard });
        _store.Setup(s => s.AbandonPostAsync(It.IsAny<RecordedPost>(), It.IsAny<CancellationToken>())).Callback(() => _order.Add("abandon")).Returns(Task.CompletedTask);
        _connector.Setup(c => c.SendToConversationAsync(ServiceUrl, Thread, It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback(() => _order.Add("send"))
            .ReturnsAsync(new ResourceResponse("a1"));
        return new CasusMessages(_connector.Object, _store.Object, new RemovedCard(new CardTemplates()),
            new RegieBot.Bot.ServiceUrls(Mock.Of<RegieBot.Domain.Conversations.IConversationReferenceStore>()));
    }

    [Fact]
    public async Task PostCardAsync_RecordsBeforeItSends_AndCompletesWithTheId()
    {
        CasusMessages messages = Create();
        _store.Setup(s => s.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Location);
        _store.Setup(s => s.CompletePostAsync(It.IsAny<RecordedPost>(), "a1", It.IsAny<CancellationToken>())).Callback(() => _order.Add("complete")).ReturnsAsync(true);

        string? id = await messages.PostCardAsync("k1", ServiceUrl, Thread, [], Ct);

        Assert.Equal("a1", id);
        Assert.Equal(["begin", "send", "complete"], _order);
    }

    [Fact]
    public async Task PostCardAsync_ErasedBeforeItIsSent_SendsNothingAndLeavesNoRecord()
    {
        CasusMessages messages = Create();
        _store.Setup(s => s.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync((KaartLocation?)null);

        Assert.Null(await messages.PostCardAsync("k1", ServiceUrl, Thread, [], Ct));

        Assert.Equal(["begin", "abandon"], _order);
    }

    [Fact]
    public async Task PostCardAsync_ErasedWhileItWasSent_ReplacesTheMessageWithTheNotice()
    {
        // An export or a kaart copy a moment before "Ja, verwijder alles": the erasure deleted the partition (and with it
        // the record) before the id was known, so it could not replace this message; the poster does.
        CasusMessages messages = Create();
        _store.Setup(s => s.LocateAsync("k1", It.IsAny<CancellationToken>())).ReturnsAsync(Location);
        _store.Setup(s => s.CompletePostAsync(It.IsAny<RecordedPost>(), "a1", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.Null(await messages.PostCardAsync("k1", ServiceUrl, Thread, [], Ct));

        _connector.Verify(c => c.UpdateActivityAsync(ServiceUrl, Thread, "a1", It.Is<Activity>(a => a.Attachments![0].Content!.ToJsonString().Contains(CasusTexts.RemovedFallbackNotice)), It.IsAny<CancellationToken>()), Times.Once);
    }
}
