using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RegieBot.Cards;
using RegieBot.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Dialog;

public sealed class KaartPublisherTests
{
    private readonly Mock<IConnectorClient> _connector = new(MockBehavior.Strict);
    private readonly FakeLogger<KaartPublisher> _logger = new();

    private KaartPublisher CreateSut() => new(_connector.Object, Mock.Of<IKaartStore>(), new KaartCard(new CardTemplates()), _logger);

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
