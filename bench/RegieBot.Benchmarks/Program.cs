using System.Globalization;
using RegieBot.Benchmarks.Micro;
using RegieBot.Benchmarks.Sweep;
using RegieBot.Benchmarks.Turns;

namespace RegieBot.Benchmarks;

/// <summary>
/// RegieBot benchmarks (outside the test suite). From the repository root, with Azurite on 127.0.0.1:10002:
/// <c>dotnet run -c Release --project bench/RegieBot.Benchmarks -- &lt;turns|sweep|micro|all&gt; [--quick] [options]</c>;
/// <c>scripts/bench.sh</c> starts Azurite and runs them (docs/benchmarks.md).
/// </summary>
internal static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        const string Usage = """
            RegieBot.Benchmarks <turns|clicks|sweep|micro|all> [--quick] [options]
              --quick                 small sizes, under a minute in all; what CI runs (no timing is asserted)
              --azurite-port N        the Azurite Table service on 127.0.0.1 (10002)
              --connection-string S   a storage account instead of Azurite (tables of a prefix of their own, deleted after)
              turns:  --conversations N (200)  --duration 10m|90s (10m)  --dialogs N one at a time (40)
                      --warmup N dialogs first (10), then on until the JIT is quiet, at most --max-warmup N (400)
                      --think-ms N on average before each turn, drawn between half and 1.5 times N (0)  --sample-every 30s
                      --connector-delay 3s    the connector stand-in answers every call after this (0); then every click
                                              is to be answered within 1 s at p99 and the shared cards show every confirmation
              clicks: --kaarten N saved with Teams answering (10, quick 3), then Teams answers every call 429 with
                      --retry-after 10s; each kaart's "Regiekaart bijwerken" and --searches N typeaheads per kaart on a
                      known and on a new channel (5) are timed: every click is to be answered within 1 s at p99
              sweep:  --sizes 1000,10000,100000  --due-percent 1  --repeat 5 (median of the runs)
              micro:  arguments after a separate -- go to BenchmarkDotNet (e.g. -- --filter *Card*)
            """;

        if (args.Length == 0 || args[0] is "-h" or "--help" || args[0] is not ("turns" or "clicks" or "sweep" or "micro" or "all"))
        {
            Console.Error.WriteLine(Usage);
            return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
        }

        string command = args[0];
        bool quick = args.Contains("--quick");
        using CancellationTokenSource stop = new();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        string root = RepositoryRoot();
        // A real storage account (its connection string) measures what Azurite cannot, such as the sweep over 100k kaarten.
        string storage = Value("--connection-string") ?? Measuring.Azurite.ConnectionString(Int("--azurite-port") ?? 10002);
        int failures = 0;
        if (command is "turns" or "all")
        {
            TurnSettings defaults = quick ? TurnSettings.Quick : TurnSettings.Full;
            TurnSettings settings = new(
                Int("--dialogs") ?? defaults.SequentialDialogs,
                Int("--conversations") ?? defaults.Conversations,
                Duration("--duration") ?? defaults.Duration,
                Duration("--sample-every") ?? defaults.SampleEvery,
                TimeSpan.FromMilliseconds(Int("--think-ms") ?? (int)defaults.ThinkTime.TotalMilliseconds),
                Int("--warmup") ?? defaults.WarmUpDialogs,
                Int("--max-warmup") ?? defaults.MaxWarmUpDialogs,
                Duration("--connector-delay") ?? defaults.ConnectorDelay);
            Report report = new(quick ? "turns-quick" : "turns");
            report.Line($"Command: `{CommandLine()}`");
            report.Line();
            failures += await new TurnBenchmark(settings, root, storage, report).RunAsync(stop.Token);
            await report.SaveAsync(root);
        }

        if (command is "clicks" or "all")
        {
            Report report = new(quick ? "clicks-quick" : "clicks");
            report.Line($"Command: `{CommandLine()}`");
            report.Line();
            failures += await new ClickBenchmark(
                Int("--kaarten") ?? (quick ? 3 : 10), Int("--searches") ?? 5, Duration("--retry-after") ?? TimeSpan.FromSeconds(10), root, storage, report).RunAsync(stop.Token);
            await report.SaveAsync(root);
        }

        if (command is "sweep" or "all")
        {
            int[] sizes = Value("--sizes") is { } list
                ? [.. list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
                : quick ? [200, 1000] : [1000, 10000, 100000];
            Report report = new(quick ? "sweep-quick" : "sweep");
            report.Line($"Command: `{CommandLine()}`");
            report.Line();
            failures += await new SweepBenchmark(sizes, Double("--due-percent") ?? 1.0, Int("--repeat") ?? (quick ? 1 : 5), storage, report).RunAsync(stop.Token);
            await report.SaveAsync(root);
        }

        if (command is "micro" or "all")
        {
            failures += MicroBenchmarks.Run(quick, [.. args.SkipWhile(a => a != "--").Skip(1)], Path.Combine(root, "artifacts", "bench", "micro"));
        }

        Console.WriteLine(failures == 0 ? "Benchmarks finished without errors." : $"Benchmarks finished with {failures} error(s).");
        return failures == 0 ? 0 : 1;

        string? Value(string name)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        int? Int(string name) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

        double? Double(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        TimeSpan? Duration(string name) => Value(name) is not { } v ? null
            : v.EndsWith('m') ? TimeSpan.FromMinutes(double.Parse(v[..^1], CultureInfo.InvariantCulture))
            : v.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(v[..^1], CultureInfo.InvariantCulture))
            : TimeSpan.Parse(v, CultureInfo.InvariantCulture);

        string CommandLine() => "RegieBot.Benchmarks " + string.Join(' ', args);

        static string RepositoryRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RegieBot.sln")))
                {
                    return dir.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
