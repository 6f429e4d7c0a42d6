using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RegieBot.Deployment.Tests.Scripts;

/// <summary>scripts/lib/trx-summary.cjs, which gives scripts/test.sh its "N passed, N failed, N skipped" line.</summary>
public sealed class TrxSummaryTests
{
    // What VSTest's TRX logger writes for a run with one skipped test: in "total", not in "executed", notExecuted="0".
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="A" outcome="Passed" />
            <UnitTestResult testName="B" outcome="Passed" />
            <UnitTestResult testName="C" outcome="NotExecuted" />
          </Results>
          <ResultSummary outcome="Completed">
            <Counters total="3" executed="2" passed="2" failed="0" error="0" timeout="0" aborted="0" inconclusive="0" notExecuted="0" />
          </ResultSummary>
        </TestRun>
        """;

    [Fact]
    public async Task Summary_SkippedTest_IsCountedAsSkipped()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-trx-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "run.trx"), Trx, TestContext.Current.CancellationToken);
            ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "lib", "trx-summary.cjs"));
            start.ArgumentList.Add(folder);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, await stderr);
            JsonNode totals = JsonNode.Parse(await stdout)!;
            Assert.Equal((1, 2, 0, 1, 2), ((int)totals["files"]!, (int)totals["passed"]!, (int)totals["failed"]!, (int)totals["skipped"]!, (int)totals["executed"]!));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
