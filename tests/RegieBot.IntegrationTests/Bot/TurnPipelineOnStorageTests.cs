using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Conversations;
using RegieBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace RegieBot.IntegrationTests.Bot;

[Trait("Category", "Integration")]
public sealed class TurnPipelineOnStorageTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Fact]
    public async Task Post_SameActivityDeliveredTwice_IsHandledOnce()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        HttpClient client = app.CreateClient();
        string activity = Message("help", id: "1767225600500", timestamp: "2026-11-23T09:00:00.500Z");
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

        await instanceA.CreateClient().PostAsync("/api/messages", Json(Message("help", id: "1767225600600", timestamp: "2026-11-23T09:00:00.600Z")), ct);
        await instanceB.CreateClient().PostAsync("/api/messages", Json(Message("help", id: "1767225600999", timestamp: "2026-11-23T09:00:00.600Z")), ct);

        Assert.Equal(1, instanceA.SentCount + instanceB.SentCount);
    }

    [Fact]
    public async Task Post_SameCommandTypedAgainLater_IsHandledAgain()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        HttpClient client = app.CreateClient();
        CancellationToken ct = TestContext.Current.CancellationToken;

        await client.PostAsync("/api/messages", Json(Message("help", id: "1767225600700", timestamp: "2026-11-23T09:00:00.700Z")), ct);
        await client.PostAsync("/api/messages", Json(Message("help", id: "1767225660700", timestamp: "2026-11-23T09:01:00.700Z")), ct);

        Assert.Equal(2, app.SentCount);
    }

    [Fact]
    public async Task Post_AnyActivity_StoresTheConversationReferenceForProactiveMessages()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);
        string thread = "19:c0ffee@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;

        await app.CreateClient().PostAsync("/api/messages", Json(Message("help", conversationId: thread)), ct);
        await app.CreateClient().PostAsync("/api/messages", Json(Message("help", conversationId: thread, serviceUrl: "https://smba.trafficmanager.net/amer/")), ct);

        ConversationReference? stored = await app.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(thread, ct);
        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.ServiceUrl);
        Assert.Equal("t-1", stored.TenantId);
        Assert.Equal("19:team01@thread.tacv2", stored.TeamId);
        Assert.Equal("28:bot", stored.BotId);
    }

    private static string Message(
        string text,
        string? id = null,
        string? timestamp = null,
        string conversationId = "19:c0ffee@thread.tacv2;messageid=1767225600123",
        string serviceUrl = ServiceUrl) => new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = timestamp,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:user", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["tenantId"] = "t-1" },
            ["text"] = "<at>RegieBot</at> " + text,
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>RegieBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:bot" },
            }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = "t-1" },
                ["team"] = new JsonObject { ["id"] = "19:team01@thread.tacv2" },
            },
        }.ToJsonString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
