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

    [Fact]
    public async Task RefreshAsync_CardGoneInTeams_PostsAfreshAndRemembersItsId()
    {
        _store.Setup(s => s.GetSnapshotAsync("k-1", It.IsAny<CancellationToken>())).ReturnsAsync(Snapshot(3, confirmed: true));
        _connector.Setup(c => c.UpdateActivityAsync("https://smba.example/", "19:c;messageid=1", "card-k-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(HttpStatusCode.NotFound, "NotFound", "gone"));
        _connector.Setup(c => c.SendToConversationAsync("https://smba.example/", "19:c;messageid=1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("card-new"));
        _store.Setup(s => s.UpdateKaartAsync(It.Is<Kaart>(k => k.CardActivityId == "card-new"), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Kaart k, CancellationToken _) => k with { ETag = "e-new" });

        KaartSnapshot shown = (await CreateSut().RefreshAsync("k-1", TestContext.Current.CancellationToken))!;

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

    [Theory]
    [InlineData(HttpStatusCode.NotFound, false)]             // final: logged, the item goes
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]    // the relay's item stays for the sweep
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    public async Task UpdateCardAsync_Retried_ThrowsAllButAFinalFailure(HttpStatusCode status, bool thrown)
    {
        _connector.Setup(c => c.UpdateActivityAsync("https://smba.example/", "19:c;messageid=1", "a-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(status, "code", "message"));

        Task update = CreateSut().UpdateCardAsync("k-1", "https://smba.example/", "19:c;messageid=1", "a-1", new JsonObject { ["type"] = "AdaptiveCard" }, TestContext.Current.CancellationToken, retried: true);

        if (thrown)
        {
            await Assert.ThrowsAsync<ConnectorException>(() => update);
        }
        else
        {
            await update;
        }
    }

    [Fact]
    public async Task UpdateCardAsync_NoCardToUpdate_CallsNothing()
    {
        await CreateSut().UpdateCardAsync("k-1", "https://smba.example/", "19:c;messageid=1", null, new JsonObject(), TestContext.Current.CancellationToken);

        _connector.VerifyNoOtherCalls();
        Assert.Empty(_logger.Collector.GetSnapshot());
    }
}
