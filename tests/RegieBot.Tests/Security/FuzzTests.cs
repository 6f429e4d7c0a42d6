using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RegieBot.Testing.Teams.Fuzz;

namespace RegieBot.Tests.Security;

/// <summary>
/// Mutated Teams activities through the real endpoint, parsing, authentication (a test signing key), routing and
/// handlers, on storage doubles. The suite runs a short sample; <c>REGIEBOT_FUZZ_ITERATIONS</c> sets the long run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly BotApplicationFactory _factory = new(realAuthentication: true);
    private readonly FuzzSigning _signing = new();
    private readonly ErrorLogCapture _errors = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_MutatedActivities_NeverA5xxOrAnError_AndTheBotStillAnswers()
    {
        FuzzStorage.Configure(_factory);
        using WebApplicationFactory<Program> app = _factory.WithWebHostBuilder(builder => builder.UseFuzzing(_signing, _errors));
        app.Server.PreserveExecutionContext = true;
        using HttpClient client = app.CreateClient();
        long iterations = FuzzRunner.Iterations("REGIEBOT_FUZZ_ITERATIONS", 3_000);

        FuzzReport report = await FuzzRunner.RunAsync(client, _signing, _errors, iterations, output.WriteLine);

        output.WriteLine(report.ToString());
        Assert.Equal(iterations, report.Inputs);
        Assert.Equal(0, report.ServerErrors);
        Assert.True(report.ErrorLogs == 0, string.Join("\n", _errors.First));
        Assert.True(report.ByStatus.GetValueOrDefault(200) > iterations / 3, "most inputs must get past parsing and authentication: " + report);
        int sentBefore = _factory.Sent.Count;
        HttpStatusCode answer = await FuzzRunner.SayHelpAsync(client, _signing, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(sentBefore + 1, _factory.Sent.Count);
    }
}
