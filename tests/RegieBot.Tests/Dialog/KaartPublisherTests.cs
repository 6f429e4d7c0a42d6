using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Dialog;

public sealed class KaartPublisherTests
{
    private readonly Mock<IConnectorClient> _connector = new(MockBehavior.Strict);
    private readonly Mock<IKaartStore> _store = new(MockBehavior.Strict);
    private readonly FakeLogger<KaartPublisher> _logger = new();
    private readonly List<(string ActivityId, string Card)> _updates = [];

    private KaartPublisher CreateSut() => new(_connector.Object, _store.Object, _store.Object, new KaartCard(new CardTemplates()),
        new RegieBot.Bot.ServiceUrls(Mock.Of<RegieBot.Domain.Conversations.IConversationReferenceStore>()), _logger);

    private static Kaart Kaart(string id = "k-1") => new()
    {
        Id = id,
        Casus = "Familie P.",
        Location = new KaartLocation("19:c;messageid=1", "19:c", null, null, "https://smba.example/"),
        Content = new KaartContent
        {
            Professionals = [new Professional { Id = "p1", Naam = "Sanne", AadObjectId = "aad-1", TeamsUserId = "29:sanne" }],
        },
        CardActivityId = "card-" + id,
    };

    /// <summary>The kaart at seal revision <paramref name="revision"/>, with Sanne's role confirmed or not.</summary>
    private static KaartSnapshot Snapshot(long revision, bool confirmed, string id = "k-1")
    {
        Kaart kaart = Kaart(id);
        Confirmation[] confirmations = confirmed ? [new("p1", "aad-1", DateTimeOffset.UnixEpoch, RoleFingerprints.Of(kaart.Content, kaart.Content.Professionals[0]))] : [];
        return new KaartSnapshot(kaart, confirmations, []) { Revision = revision, SealETag = "e" + revision };
    }

    private void AcceptCardUpdates() =>
        _connector.Setup(c => c.UpdateActivityAsync("https://smba.example/", "19:c;messageid=1", It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string activityId, Activity message, CancellationToken _) =>
                _updates.Add((activityId, message.Attachments![0].Content!.ToJsonString())))
            .ReturnsAsync(new ResourceResponse("updated"));

    [Theory]
    [InlineData(2)]   // an older state, e.g. a confirmation whose update waited for the lock while a later one was shown
    [InlineData(3)]   // the same revision, e.g. a double click: nothing written, nothing newer to show
    public async Task PublishAsync_NotNewerThanTheCardShows_DoesNotOverwriteIt(long revision)
    {
        AcceptCardUpdates();
        KaartPublisher sut = CreateSut();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await sut.PublishAsync(Snapshot(3, confirmed: true), ct);
        KaartSnapshot returned = await sut.PublishAsync(Snapshot(revision, confirmed: false), ct);

        (string _, string card) = Assert.Single(_updates);
        Assert.Contains("Rol bevestigd op", card, StringComparison.Ordinal);
        Assert.Equal(revision, returned.Revision);   // the caller still answers the clicker with its own state
    }

    [Fact]
    public async Task PublishAsync_NewerRevision_UpdatesTheCardInPlace()
    {
        AcceptCardUpdates();
        KaartPublisher sut = CreateSut();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await sut.PublishAsync(Snapshot(2, confirmed: false), ct);
        await sut.PublishAsync(Snapshot(3, confirmed: true), ct);

        Assert.Equal(2, _updates.Count);
        Assert.All(_updates, u => Assert.Equal("card-k-1", u.ActivityId));
        Assert.DoesNotContain("Rol bevestigd op", _updates[0].Card, StringComparison.Ordinal);
        Assert.Contains("Rol bevestigd op", _updates[1].Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_AfterARefreshThatReadANewerRevision_KeepsTheRefreshedCard()
    {
        AcceptCardUpdates();
        _store.Setup(s => s.GetSnapshotAsync("k-1", It.IsAny<CancellationToken>())).ReturnsAsync(Snapshot(5, confirmed: true));
        KaartPublisher sut = CreateSut();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await sut.RefreshAsync("k-1", ct);
        await sut.PublishAsync(Snapshot(4, confirmed: false), ct);

        (string _, string card) = Assert.Single(_updates);
        Assert.Contains("Rol bevestigd op", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_NewerRevisionOfAnotherKaart_IsShown()
    {
        AcceptCardUpdates();
        KaartPublisher sut = CreateSut();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await sut.PublishAsync(Snapshot(7, confirmed: true, id: "k-1"), ct);
        await sut.PublishAsync(Snapshot(1, confirmed: false, id: "k-2"), ct);

        Assert.Equal(["card-k-1", "card-k-2"], _updates.Select(u => u.ActivityId));
    }

    [Fact]
    public async Task PublishAsync_CardGoneInTeams_PostsAfreshAndRemembersItsId()
    {
        _connector.Setup(c => c.UpdateActivityAsync("https://smba.example/", "19:c;messageid=1", "card-k-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.NotFound, "NotFound", "gone"));
        _connector.Setup(c => c.SendToConversationAsync("https://smba.example/", "19:c;messageid=1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("card-new"));
        _store.Setup(s => s.UpdateKaartAsync(It.Is<Kaart>(k => k.CardActivityId == "card-new"), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Kaart k, CancellationToken _) => k with { ETag = "e-new" });

        KaartSnapshot shown = await CreateSut().PublishAsync(Snapshot(3, confirmed: true), TestContext.Current.CancellationToken);

        Assert.Equal("card-new", shown.Kaart.CardActivityId);
        Assert.Equal(3, shown.Revision);
        _connector.VerifyAll();
        _store.VerifyAll();
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]             // the card is gone
    [InlineData(HttpStatusCode.Forbidden)]            // the bot was removed
    [InlineData(HttpStatusCode.ServiceUnavailable)]   // still failing after the connector's retries
    public async Task UpdateCardAsync_TeamsCannotUpdateTheCard_IsLoggedWithTheStatusNotThrown(HttpStatusCode status)
    {
        _connector.Setup(c => c.UpdateActivityAsync("https://smba.example/", "19:c;messageid=1", "a-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(status, "code", "message"));

        await CreateSut().UpdateCardAsync("k-1", "https://smba.example/", "19:c;messageid=1", "a-1", new JsonObject { ["type"] = "AdaptiveCard" }, TestContext.Current.CancellationToken);

        _connector.VerifyAll();
        FakeLogRecord record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(4013, record.Id.Id);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCardAsync_NoCardToUpdate_CallsNothing()
    {
        await CreateSut().UpdateCardAsync("k-1", "https://smba.example/", "19:c;messageid=1", null, new JsonObject(), TestContext.Current.CancellationToken);

        _connector.VerifyNoOtherCalls();
        Assert.Empty(_logger.Collector.GetSnapshot());
    }
}
