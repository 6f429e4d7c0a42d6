using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RegieBot.Testing.Teams.Fuzz;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// What the Azurite fuzz tier found: an id longer than a table key may be (1 KiB) made the storage request fail, before
/// the turn's try (a 500) or inside a handler (an error and an apology). Such ids are refused, the turn never fails.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MalformedActivityOnStorageTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly string LongId = "19:" + new string('x', 2000) + "@thread.tacv2";

    [Fact]
    public async Task Post_ConversationIdLongerThanATableKey_Returns400WithoutAnError()
    {
        JsonObject activity = FuzzSeeds.ChannelMessage("help", LongId);

        (HttpStatusCode status, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("serviceUrl")]
    [InlineData("conversationType")]
    public async Task Post_ReferenceFieldLongerThanATableProperty_Returns400WithoutAnError(string field)
    {
        JsonObject activity = FuzzSeeds.ChannelMessage("help", FuzzSeeds.ThreadId + Guid.NewGuid().ToString("N"));
        string value = "https://smba.trafficmanager.net/" + new string('x', 40_000);
        if (field == "serviceUrl")
        {
            activity["serviceUrl"] = value;
        }
        else
        {
            activity["conversation"]!["conversationType"] = value;
        }

        (HttpStatusCode status, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Post_CardActionWithAKaartIdLongerThanATableKey_AnswersTheKaartIsGone()
    {
        JsonObject activity = FuzzSeeds.CardAction("refreshKaart", new JsonObject { ["kaartId"] = "k" + new string('0', 20_000) }, "manual");

        (HttpStatusCode status, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(errors);
    }

    private async Task<(HttpStatusCode Status, IReadOnlyList<FakeLogRecord> Errors)> PostAsync(JsonObject activity)
    {
        using AzuriteBotApplicationFactory host = new(storage.TablePrefix);
        using WebApplicationFactory<Program> app = host.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddFakeLogging()));
        using HttpResponseMessage response = await app.CreateClient().PostAsync(
            "/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        return (response.StatusCode, [.. app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error)]);
    }
}
