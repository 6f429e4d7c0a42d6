using System.Net;
using System.Text;
using RegieBot.Domain.Conversations;
using RegieBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace RegieBot.IntegrationTests.Bot;

[Trait("Category", "Integration")]
public sealed class TurnPipelineOnStorageTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Post_SameActivityDeliveredTwice_IsHandledOnce()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        HttpClient client = app.CreateClient();
        string activity = Activities.ChannelMessage("help", id: "1767225600500", timestamp: "2026-11-23T09:00:00.500Z");
        CancellationToken ct = TestContext.Current.CancellationToken;

        HttpResponseMessage first = await client.PostAsync("/api/messages", Json(activity), ct);
        HttpResponseMessage second = await client.PostAsync("/api/messages", Json(activity), ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, app.SentCount);
    }

    [Fact]
    public async Task Post_RedeliveryWithNewIdOnAnotherInstance_IsHandledOnce()
    {
        using AzuriteBotApplicationFactory instanceA = new(storage.TablePrefix);
        using AzuriteBotApplicationFactory instanceB = new(storage.TablePrefix);
        CancellationToken ct = TestContext.Current.CancellationToken;

        await instanceA.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help", id: "1767225600600", timestamp: "2026-11-23T09:00:00.600Z")), ct);
        await instanceB.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help", id: "1767225600999", timestamp: "2026-11-23T09:00:00.600Z")), ct);

        Assert.Equal(1, instanceA.SentCount + instanceB.SentCount);
    }

    [Fact]
    public async Task Post_SameCommandTypedAgainLater_IsHandledAgain()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        HttpClient client = app.CreateClient();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await client.PostAsync("/api/messages", Json(Activities.ChannelMessage("help", id: "1767225600700", timestamp: "2026-11-23T09:00:00.700Z")), ct);
        await client.PostAsync("/api/messages", Json(Activities.ChannelMessage("help", id: "1767225660700", timestamp: "2026-11-23T09:01:00.700Z")), ct);

        Assert.Equal(2, app.SentCount);
    }

    [Fact]
    public async Task Post_AnyActivity_StoresTheConversationReferenceForProactiveMessages()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        string thread = "19:c0ffee@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;

        RegieBot.Outbox.OutboxRelay relay = app.Services.GetRequiredService<RegieBot.Outbox.OutboxRelay>();
        await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help", conversationId: thread)), ct);
        await relay.WhenIdleAsync();   // the reference is written after the answer, in the background
        await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help", conversationId: thread, serviceUrl: "https://smba.trafficmanager.net/amer/")), ct);
        await relay.WhenIdleAsync();

        ConversationReference? stored = await app.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(thread, ct);
        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.ServiceUrl);
        Assert.Equal(Activities.TenantId, stored.TenantId);
        Assert.Equal("19:team01@thread.tacv2", stored.TeamId);
        Assert.Equal(Activities.BotId, stored.BotId);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
