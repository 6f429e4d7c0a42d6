using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using RegieBot.Benchmarks.Measuring;

namespace RegieBot.Benchmarks.Turns;

/// <summary>Settings of the turn benchmark (see <c>turns --help</c>).</summary>
/// <param name="ConnectorDelay">How long the connector stand-in takes to answer every call (a slow Teams).</param>
internal sealed record TurnSettings(
    int SequentialDialogs, int Conversations, TimeSpan Duration, TimeSpan SampleEvery, TimeSpan ThinkTime, int WarmUpDialogs, int MaxWarmUpDialogs,
    TimeSpan ConnectorDelay = default)
{
    /// <summary>With a slow connector, every click is still answered within this (p99): a click never waits for Teams.</summary>
    public static readonly TimeSpan InvokeTargetWithSlowConnector = TimeSpan.FromSeconds(1);

    public static TurnSettings Quick { get; } = new(3, 20, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(2), TimeSpan.Zero, 2, 2);

    /// <summary>
    /// At least ten dialogs of warm-up, and on until the JIT is quiet (at most 400), so the measured turns run the code a
    /// long-running instance runs. Tiered compilation takes its time: after start a method runs unoptimised, then
    /// instrumented, and only after 30 calls and a pause in new compilations is it optimised; measured on this machine,
    /// the bot's first 150 dialogs (2,100 turns) still compiled some 100 methods per dialog on a background thread.
    /// </summary>
    public static TurnSettings Full { get; } = new(40, 200, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), TimeSpan.Zero, 10, 400);
}

/// <summary>
/// The turn benchmark: the real bot in process on loopback Kestrel, Azurite, the connector stand-in. Phase 1 drives
/// dialogs one at a time (exact storage requests per turn, uncontended latencies); phase 2 keeps
/// <see cref="TurnSettings.Conversations"/> conversations busy for <see cref="TurnSettings.Duration"/>
/// (latency under load, throughput, errors, allocations, memory over time).
/// </summary>
internal sealed class TurnBenchmark(TurnSettings settings, string repositoryRoot, string storage, Report report)
{
    private readonly TurnRecorder _recorder = new();
    private ConcurrentQueue<DriverSample> _driver = new();
    private string _warmUp = string.Empty;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        string prefix = "B" + Guid.NewGuid().ToString("N")[..10];
        await using ConnectorStandIn teams = await ConnectorStandIn.StartAsync(settings.ConnectorDelay);
        BotHost host = new(repositoryRoot, prefix, storage, _recorder);
        int errors = 0;
        try
        {
            host.StartServer();
            using HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = host.BaseAddress };
            report.Line($"## Turns — {Environment.ProcessorCount} cores, bot on {host.BaseAddress}, Azurite, connector stand-in" +
                (settings.ConnectorDelay > TimeSpan.Zero ? $" answering every call after {settings.ConnectorDelay.TotalSeconds:0.###} s" : string.Empty));
            report.Line();

            DialogDriver sequential = new(client, teams, Record, TimeSpan.Zero);
            errors += await WarmUpAsync(host, sequential, teams, cancellationToken);
            long jitMethods = JitInfo.GetCompiledMethodCount();
            TimeSpan jitTime = JitInfo.GetCompilationTime();
            TimeSpan cpuBefore = ProcessorTime();
            for (int i = 0; i < settings.SequentialDialogs; i++)
            {
                errors += await sequential.RunDialogAsync(i, cancellationToken) ? 0 : 1;
            }

            TimeSpan cpu = ProcessorTime() - cpuBefore;
            (int settleErrors, string settled) = await SettleAsync(host, teams, cancellationToken);
            (IReadOnlyList<TurnSample> server, IReadOnlyList<DriverSample> driver, IReadOnlyDictionary<(string, string), long> operations) = Drain();
            errors += settleErrors + ReportSequential(server, driver, operations, _recorder.DrainRelay(), settled);
            report.Line($"CPU time of this process per turn, one turn at a time: {Report.N(cpu.TotalMilliseconds / Math.Max(1, server.Count), "0.00")} ms " +
                "(bot, SDK client, driver and stand-in together; unlike the latencies, not inflated by waiting for a busy core). " +
                $"The JIT compiled {JitInfo.GetCompiledMethodCount() - jitMethods} methods in {Report.N((JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds)} ms meanwhile.");
            report.Line();
            errors += await RunConcurrentAsync(client, host, teams, cancellationToken);
        }
        finally
        {
            await host.DisposeAsync();
            await DeleteTablesAsync(prefix);
        }

        report.Line(errors == 0 ? "No errors." : $"**{errors} errors.**");
        return errors;
    }

    /// <summary>
    /// The warm-up dialogs: <see cref="TurnSettings.WarmUpDialogs"/>, then on until five dialogs in a row had the JIT
    /// compile at most two methods each (or <see cref="TurnSettings.MaxWarmUpDialogs"/>). Reports the warm-up's own work.
    /// </summary>
    private async Task<int> WarmUpAsync(BotHost host, DialogDriver sequential, ConnectorStandIn teams, CancellationToken cancellationToken)
    {
        const int QuietDialogs = 5;
        const int QuietMethods = 2;
        int errors = 0;
        int quiet = 0;
        int dialogs = 0;
        long jitAtStart = JitInfo.GetCompiledMethodCount();
        while (dialogs < settings.WarmUpDialogs || (quiet < QuietDialogs && dialogs < settings.MaxWarmUpDialogs))
        {
            long before = JitInfo.GetCompiledMethodCount();
            errors += await sequential.RunDialogAsync(dialogs++, cancellationToken) ? 0 : 1;
            quiet = JitInfo.GetCompiledMethodCount() - before <= QuietMethods ? quiet + 1 : 0;
        }

        await host.RelayIdleAsync(RelayTimeout, cancellationToken);
        teams.CardMismatches();
        (IReadOnlyList<TurnSample> server, _, _) = Drain();
        _recorder.DrainRelay();
        List<double> own = [.. server.Select(s => s.OwnMs).Order()];
        _warmUp = $"Warm-up: {dialogs} dialogs ({server.Count} turns) " +
            (quiet >= QuietDialogs ? "until the JIT was quiet" : "(the JIT was still compiling at the end)") +
            $"; it compiled {JitInfo.GetCompiledMethodCount() - jitAtStart} methods meanwhile; own work in the warm-up p50 {P(own, 50)}, p99 {P(own, 99)} ms.";
        return errors;
    }

    private int ReportSequential(
        IReadOnlyList<TurnSample> server, IReadOnlyList<DriverSample> driver, IReadOnlyDictionary<(string Kind, string Operation), long> operations,
        IReadOnlyDictionary<(string Kind, string Operation), long> relay, string settled)
    {
        report.Line($"### One turn at a time ({settings.SequentialDialogs} dialogs of 14 turns, after the warm-up)");
        report.Line();
        report.Line(_warmUp);
        report.Line();
        report.Line(settled);
        report.Line();
        report.Line("Requests per turn, by kind of turn (storage: every attempt the Azure SDK sent; connector: calls to the stand-in). " +
            "*Request path*: made while the turn was answered; *relay*: made for it by the outbox relay after the answer " +
            "(the shared card, indexes, reminder), counted by the relay's span.");
        report.Line();
        report.Table(
            ["turn", "turns", "request path: storage / turn", "(min–max)", "connector / turn", "relay: storage / turn", "connector / turn",
             "total storage / turn", "budget", "request path by table and operation (per turn)", "relay by table and operation (per turn)"],
            server.GroupBy(s => s.Kind).OrderBy(g => Order(g.Key)).Select(g =>
            {
                int n = g.Count();
                double total = g.Average(s => s.StorageRequests) + PerTurn(relay, g.Key, n, connector: false);
                return (IReadOnlyList<string>)[g.Key, n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Report.N(g.Average(s => s.StorageRequests), "0.00"), $"{g.Min(s => s.StorageRequests)}–{g.Max(s => s.StorageRequests)}",
                    Report.N(g.Average(s => s.ConnectorRequests), "0.00"),
                    Report.N(PerTurn(relay, g.Key, n, connector: false), "0.00"), Report.N(PerTurn(relay, g.Key, n, connector: true), "0.00"),
                    Report.N(total, "0.00"), RequestBudget.PerTurn.TryGetValue(g.Key, out double budget) ? Report.N(budget, "0.#") : "–",
                    Breakdown(operations, g.Key, n), Breakdown(relay, g.Key, n)];
            }));
        double dialogTotal = (server.Sum(s => s.StorageRequests) + relay.Where(c => !c.Key.Operation.StartsWith("connector", StringComparison.Ordinal)).Sum(c => c.Value)) / (double)Math.Max(1, server.Count);
        report.Line($"All storage requests, request path and relay: **{Report.N(dialogTotal, "0.00")} per turn** over the dialogs " +
            $"({Report.N(dialogTotal * 14, "0")} for the 14 turns of one; budget {Report.N(RequestBudget.Dialog, "0")}); request path " +
            $"{Report.N(server.Average(s => s.StorageRequests), "0.00")} per turn.");
        report.Line();
        int overBudget = RequestBudget.Check(server.GroupBy(s => s.Kind).ToDictionary(
            g => g.Key, g => g.Average(s => s.StorageRequests) + PerTurn(relay, g.Key, g.Count(), connector: false)), dialogTotal * 14, report.Line);
        report.Line("Latency, one turn at a time (ms). Own work = time in the bot's request pipeline minus the time its storage requests and connector calls took.");
        report.Line();
        LatencyTable(server, driver);
        return server.Count(s => s.Status >= 500) + driver.Count(d => !d.Ok) + overBudget;
    }

    private async Task<int> RunConcurrentAsync(HttpClient client, BotHost host, ConnectorStandIn teams, CancellationToken cancellationToken)
    {
        report.Line($"### {settings.Conversations} conversations at once for {settings.Duration:g}" +
            (settings.ThinkTime > TimeSpan.Zero ? $", {settings.ThinkTime.TotalMilliseconds} ms think time before each turn" : ", no think time (saturation)"));
        report.Line();
        DialogDriver driver = new(client, teams, Record, settings.ThinkTime);
        DrainStorageAttempts();
        List<(double Minutes, double HeapMb, double WorkingSetMb)> memory = [Sample(Stopwatch.StartNew())];
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen2Before = GC.CollectionCount(2);
        Stopwatch clock = Stopwatch.StartNew();
        int dialogs = 0;
        int failedDialogs = 0;
        int number = 1000;
        using CancellationTokenSource stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task sampler = Task.Run(async () =>
        {
            using PeriodicTimer timer = new(settings.SampleEvery);
            while (await timer.WaitForNextTickAsync(stopSampling.Token).ConfigureAwait(false))
            {
                lock (memory)
                {
                    memory.Add(Sample(clock));
                }
            }
        }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, settings.Conversations).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < settings.Duration && !cancellationToken.IsCancellationRequested)
            {
                bool ok = await driver.RunDialogAsync(Interlocked.Increment(ref number), cancellationToken);
                Interlocked.Increment(ref dialogs);
                if (!ok)
                {
                    Interlocked.Increment(ref failedDialogs);
                }
            }
        }, CancellationToken.None)));
        TimeSpan elapsed = clock.Elapsed;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await stopSampling.CancelAsync();
        await sampler.ContinueWith(_ => { }, TaskScheduler.Default);
        memory.Add(Sample(clock));

        (int settleErrors, string settled) = await SettleAsync(host, teams, cancellationToken);
        (IReadOnlyList<TurnSample> server, IReadOnlyList<DriverSample> turns, _) = Drain();
        IReadOnlyDictionary<(string Kind, string Operation), long> relay = _recorder.DrainRelay();
        List<(string Operation, double Ms)> attempts = DrainStorageAttempts();
        int turnErrors = turns.Count(d => !d.Ok) + server.Count(s => s.Status >= 500);
        foreach (IGrouping<string, DriverSample> failed in turns.Where(d => !d.Ok).GroupBy(d => d.Kind).Take(5))
        {
            report.Line($"Failed: {failed.Count()} × {failed.Key}");
            report.Line();
        }

        report.Table(
            ["dialogs", "failed dialogs", "turns", "failed turns", "turns / s", "allocated / turn (whole process)", "gen2 GCs"],
            [[dialogs.ToString(System.Globalization.CultureInfo.InvariantCulture), failedDialogs.ToString(System.Globalization.CultureInfo.InvariantCulture),
              turns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), turnErrors.ToString(System.Globalization.CultureInfo.InvariantCulture),
              Report.N(turns.Count / elapsed.TotalSeconds), Report.N(allocated / 1024.0 / Math.Max(1, turns.Count)) + " KB",
              (GC.CollectionCount(2) - gen2Before).ToString(System.Globalization.CultureInfo.InvariantCulture)]]);
        report.Line("Latency under load (ms):");
        report.Line();
        LatencyTable(server, turns);
        InvokeTarget(turns);
        report.Line(settled);
        report.Line();
        report.Line("Requests per turn under load: request path and relay (a burst of clicks on one card is one update of it).");
        report.Line();
        report.Table(
            ["turn", "turns", "request path: storage / turn", "connector / turn", "relay: storage / turn", "connector / turn"],
            server.GroupBy(s => s.Kind).OrderBy(g => Order(g.Key)).Select(g =>
            {
                int n = g.Count();
                return (IReadOnlyList<string>)[g.Key, n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Report.N(g.Average(s => s.StorageRequests), "0.00"), Report.N(g.Average(s => s.ConnectorRequests), "0.00"),
                    Report.N(PerTurn(relay, g.Key, n, connector: false), "0.00"), Report.N(PerTurn(relay, g.Key, n, connector: true), "0.00")];
            }));
        StorageTable(attempts);

        // The heap samples include the benchmark's own records of the run, which grow with every turn by design; the
        // bot's own heap at the end is what is left after a full GC once they are let go.
        int records = server.Count + turns.Count + attempts.Count;
        (server, turns, attempts) = ([], [], []);
        ReportMemory(memory, Sample(clock), records);
        return failedDialogs + turnErrors + settleErrors;
    }

    private static readonly TimeSpan RelayTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Waits for the relay to finish what the turns left, then checks that every kaart card Teams got last shows every
    /// confirmation made on it. Returns the errors: a relay that did not settle, and each card that does not.
    /// </summary>
    private static async Task<(int Errors, string Line)> SettleAsync(BotHost host, ConnectorStandIn teams, CancellationToken cancellationToken)
    {
        Stopwatch waited = Stopwatch.StartNew();
        bool idle = await host.RelayIdleAsync(RelayTimeout, cancellationToken);
        int mismatches = teams.CardMismatches();
        return (mismatches + (idle ? 0 : 1),
            $"Shared cards: **{mismatches}** kaart cards whose last version sent to Teams does not show every confirmation made on it " +
            $"(checked when the relay {(idle ? "had settled" : "**had not settled**")}, {Report.N(waited.Elapsed.TotalSeconds)} s after the last answer).");
    }

    /// <summary>With a slow connector: whether every click was answered within <see cref="TurnSettings.InvokeTargetWithSlowConnector"/> at p99.</summary>
    private void InvokeTarget(IReadOnlyList<DriverSample> turns)
    {
        if (settings.ConnectorDelay <= TimeSpan.Zero)
        {
            return;
        }

        List<double> invokes = [.. turns.Where(d => d.Ok && d.Invoke).Select(d => d.EndToEndMs).Order()];
        double p99 = Percentiles.Of(invokes, 99);
        report.Line($"With the connector answering after {settings.ConnectorDelay.TotalSeconds:0.###} s: invoke p99 {Percentiles.Ms(p99)} ms, max {Percentiles.Ms(invokes.Count > 0 ? invokes[^1] : double.NaN)} ms " +
            $"over {invokes.Count} clicks — target p99 < {TurnSettings.InvokeTargetWithSlowConnector.TotalMilliseconds} ms: " +
            (p99 < TurnSettings.InvokeTargetWithSlowConnector.TotalMilliseconds ? "**met**." : "**not met**."));
        report.Line();
    }

    private static double PerTurn(IReadOnlyDictionary<(string Kind, string Operation), long> counts, string kind, int turns, bool connector) =>
        (double)counts.Where(c => c.Key.Kind == kind && c.Key.Operation.StartsWith("connector", StringComparison.Ordinal) == connector).Sum(c => c.Value) / Math.Max(1, turns);

    private static string Breakdown(IReadOnlyDictionary<(string Kind, string Operation), long> counts, string kind, int turns) =>
        string.Join(", ", counts
            .Where(o => o.Key.Kind == kind && !o.Key.Operation.StartsWith("connector", StringComparison.Ordinal))
            .OrderByDescending(o => o.Value).ThenBy(o => o.Key.Operation, StringComparer.Ordinal)
            .Select(o => $"{o.Key.Operation} {Report.N((double)o.Value / turns, "0.##")}"));

    private void ReportMemory(List<(double Minutes, double HeapMb, double WorkingSetMb)> memory, (double Minutes, double HeapMb, double WorkingSetMb) withoutRecords, int records)
    {
        // The slope leaves out the first sample (before the load: tables, JIT and pools still growing).
        List<(double Minutes, double HeapMb, double WorkingSetMb)> loaded = memory.Count > 2 ? memory[1..] : memory;
        double slope = Slope(loaded.Select(m => (m.Minutes, m.HeapMb)).ToList());
        using Process process = Process.GetCurrentProcess();
        report.Line($"Memory: managed heap after a full GC, sampled every {settings.SampleEvery:g}: " +
            string.Join(", ", memory.Select(m => $"{Report.N(m.Minutes, "0.0")} min {Report.N(m.HeapMb)} MB")) + ".");
        report.Line();
        report.Line($"Heap slope under load: {Report.N(slope, "0.00")} MB/min; peak heap {Report.N(memory.Max(m => m.HeapMb))} MB; " +
            $"working set now {Report.N(memory[^1].WorkingSetMb)} MB, peak {Report.N(process.PeakWorkingSet64 / 1048576.0)} MB (the whole process: bot, driver and stand-in).");
        report.Line();
        report.Line($"The samples include the benchmark's own records of the run ({records:N0} turn and storage timings, growing with every turn). " +
            $"Without them, after the run: heap {Report.N(withoutRecords.HeapMb)} MB (before the load: {Report.N(memory[0].HeapMb)} MB).");
        report.Line();
    }

    private void LatencyTable(IReadOnlyList<TurnSample> server, IReadOnlyList<DriverSample> driver)
    {
        ILookup<string, TurnSample> own = server.ToLookup(s => s.Kind);
        report.Table(
            ["turn", "n", "end-to-end p50", "p95", "p99", "own work p50", "p95", "p99", "own work outside GC pauses p99", "turns with a GC pause", "storage p50", "connector+storage p99"],
            driver.Where(d => d.Ok).GroupBy(d => d.Kind).OrderBy(g => Order(g.Key)).Select(g =>
            {
                List<double> e2e = [.. g.Select(d => d.EndToEndMs).Order()];
                List<double> work = [.. own[g.Key].Select(s => s.OwnMs).Order()];
                List<double> outside = [.. own[g.Key].Select(s => s.ServerMs - s.OwnMs).Order()];
                return (IReadOnlyList<string>)[g.Key, e2e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    P(e2e, 50), P(e2e, 95), P(e2e, 99), P(work, 50), P(work, 95), P(work, 99), .. GcColumns([.. own[g.Key]]), P(outside, 50), P(outside, 99)];
            }).Append(All(server, driver)));
    }

    private static IReadOnlyList<string> All(IReadOnlyList<TurnSample> server, IReadOnlyList<DriverSample> driver)
    {
        List<double> e2e = [.. driver.Where(d => d.Ok && d.Invoke).Select(d => d.EndToEndMs).Order()];
        List<double> work = [.. server.Select(s => s.OwnMs).Order()];
        List<double> outside = [.. server.Select(s => s.ServerMs - s.OwnMs).Order()];
        return ["**all invokes** (own work: all turns)", e2e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            P(e2e, 50), P(e2e, 95), P(e2e, 99), P(work, 50), P(work, 95), P(work, 99), .. GcColumns(server), P(outside, 50), P(outside, 99)];
    }

    /// <summary>Own work p99 without the garbage collection pauses that fell in the turns, and how many turns had one.</summary>
    private static string[] GcColumns(IReadOnlyList<TurnSample> samples) =>
    [
        P([.. samples.Select(s => s.OwnOutsideGcMs).Order()], 99),
        Report.N(100.0 * samples.Count(s => s.GcPauseMs > 0) / Math.Max(1, samples.Count), "0.#") + "%",
    ];

    private static string P(List<double> sorted, double percent) => Percentiles.Ms(Percentiles.Of(sorted, percent));

    private static int Order(string kind) => kind switch
    {
        DialogDriver.KindStart => 0,
        DialogDriver.KindNext => 1,
        DialogDriver.KindAdd => 2,
        DialogDriver.KindSave => 3,
        _ => 4,
    };

    private static List<(string Operation, double Ms)> DrainStorageAttempts() => RequestMeter.DrainStorageAttempts();

    private void Record(DriverSample sample) => Volatile.Read(ref _driver).Enqueue(sample);

    /// <summary>Storage request times by table and operation: which requests make the storage part of a slow turn.</summary>
    private void StorageTable(IReadOnlyList<(string Operation, double Ms)> attempts)
    {
        report.Line("Storage requests under load by table and operation (ms per attempt, as the SDK's pipeline saw it):");
        report.Line();
        report.Table(
            ["operation", "requests", "p50", "p95", "p99", "max"],
            attempts.GroupBy(a => a.Operation).OrderByDescending(g => g.Count()).Select(g =>
            {
                List<double> ms = [.. g.Select(a => a.Ms).Order()];
                return (IReadOnlyList<string>)[g.Key, ms.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), P(ms, 50), P(ms, 95), P(ms, 99), Percentiles.Ms(ms[^1])];
            }));
    }

    private (IReadOnlyList<TurnSample>, IReadOnlyList<DriverSample>, IReadOnlyDictionary<(string, string), long>) Drain()
    {
        List<DriverSample> driver = [.. Interlocked.Exchange(ref _driver, new ConcurrentQueue<DriverSample>())];

        return (_recorder.Drain(), driver, _recorder.DrainOperations());
    }

    private static (double Minutes, double HeapMb, double WorkingSetMb) Sample(Stopwatch clock)
    {
        double heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        using Process process = Process.GetCurrentProcess();
        return (clock.Elapsed.TotalMinutes, heap, process.WorkingSet64 / 1048576.0);
    }

    private static TimeSpan ProcessorTime()
    {
        using Process process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Least-squares slope of y over x.</summary>
    internal static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        double meanX = points.Average(p => p.X);
        double meanY = points.Average(p => p.Y);
        double numerator = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        double denominator = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private async Task DeleteTablesAsync(string prefix)
    {
        Azure.Data.Tables.TableServiceClient service = new(storage);
        foreach (string table in Storage.RegieTables.All)
        {
            await service.DeleteTableAsync(prefix + table);
        }
    }
}
