using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RegieBot.IntegrationTests.Bot;

namespace RegieBot.IntegrationTests.Operations;

[Trait("Category", "Integration")]
public sealed class HealthOnStorageTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Get_StorageReachable_Returns200WithTheStorageCheckHealthy()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix);

        HttpResponseMessage response = await app.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode report = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["storage"]!["status"]);
        Assert.Equal("storage reachable", (string?)report["checks"]!["storage"]!["description"]);
    }
}
