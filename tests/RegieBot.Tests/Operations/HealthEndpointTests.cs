using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moq;
using RegieBot.Protocol.Connector;

namespace RegieBot.Tests.Operations;

public sealed class HealthEndpointTests
{
    // Azurite's well-known development key, with a table endpoint where nothing listens (port 9, discard).
    private const string UnreachableStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Get_StorageUnreachable_Returns503WithTheStorageCheckUnhealthy()
    {
        using WebApplicationFactory<Program> app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("MicrosoftAppId", "");
            builder.UseSetting("RegieBot:Storage:ConnectionString", UnreachableStorage);
            builder.UseSetting("RegieBot:Storage:MaxRetries", "0");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IHostedService>();   // the table initializer would stop the start
                services.Replace(ServiceDescriptor.Singleton(new Mock<IConnectorClient>().Object));
            });
        });

        HttpResponseMessage response = await app.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonNode report = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unhealthy", (string?)report["status"]);
        JsonNode storage = report["checks"]!["storage"]!;
        Assert.Equal("Unhealthy", (string?)storage["status"]);
        Assert.StartsWith("storage unreachable", (string?)storage["description"], StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", report.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", report.ToJsonString(), StringComparison.Ordinal);
    }
}
