using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Testing.Teams.Fuzz;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// The fuzz inputs of the unit tier (RegieBot.Tests, Security/FuzzTests) through the whole host on Azurite: real
/// authentication with a test signing key, real storage, the outbox relay and the workers running. The suite runs a
/// short sample; <c>REGIEBOT_FUZZ_STORAGE_ITERATIONS</c> sets the long run.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FuzzOnStorageTests(AzuriteStorage storage, ITestOutputHelper output) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Post_MutatedActivitiesOnStorage_NeverA5xxOrAnError_AndTheBotStillAnswers()
    {
        FuzzSigning signing = new();
        ErrorLogCapture errors = new();
        using AzuriteBotApplicationFactory host = new(storage.TablePrefix, settings: signing.Settings);
        using WebApplicationFactory<Program> app = host.WithWebHostBuilder(builder => builder.UseFuzzing(signing, errors));
        app.Server.PreserveExecutionContext = true;
        using HttpClient client = app.CreateClient();
        long iterations = FuzzRunner.Iterations("REGIEBOT_FUZZ_STORAGE_ITERATIONS", 300);

        FuzzReport report = await FuzzRunner.RunAsync(client, signing, errors, iterations, output.WriteLine);
        await app.Services.GetRequiredService<RegieBot.Outbox.OutboxRelay>().WhenIdleAsync();

        output.WriteLine(report.ToString());
        Assert.Equal(iterations, report.Inputs);
        Assert.Equal(0, report.ServerErrors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.First));
        int sentBefore = host.SentCount;
        HttpStatusCode answer = await FuzzRunner.SayHelpAsync(client, signing, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(sentBefore + 1, host.SentCount);
    }
}
