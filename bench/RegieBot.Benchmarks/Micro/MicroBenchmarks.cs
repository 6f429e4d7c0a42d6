using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RegieBot.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes of this folder in this process (no generated projects to build). Quick: three
/// short iterations each, just to prove they run; full: BenchmarkDotNet's default accuracy.
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(bool quick, string[] args, string artifacts)
    {
        Job job = quick
            ? Job.Dry.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(64).WithUnrollFactor(16)
            : Job.Default;
        IConfig config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        string[] switcherArgs = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(switcherArgs, config);
        return summaries.Sum(s => s.Reports.Count(r => !r.Success) + (s.HasCriticalValidationErrors ? 1 : 0));
    }
}
