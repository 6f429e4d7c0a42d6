using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RegieBot.Benchmarks.Measuring;
using RegieBot.Common;
using RegieBot.Domain.Reminders;
using RegieBot.Evaluation;
using RegieBot.Storage;

namespace RegieBot.Benchmarks.Sweep;

/// <summary>
/// The reminder sweep on Azurite with the real <see cref="TableReminderStore"/>: for each size, a table of its own holding
/// the reminders of that many active kaarten (a due row and a pointer row each), <c>due-percent</c> of them due. Then it
/// does what <see cref="ReminderDispatcher"/> does without sending and pacing — find the due ones (pages of
/// <see cref="ReminderOptions.BatchSize"/>), claim each, mark it sent — until none is due, timing and counting the
/// storage requests of each phase. The sweep is repeated (the due rows written again in between) and the repetition with
/// the median time per due reminder is reported; a small size runs first, unreported, to warm up.
/// </summary>
internal sealed class SweepBenchmark(IReadOnlyList<int> sizes, double duePercent, int repeat, string storage, Report report)
{
    private const int SeedParallelism = 16;

    private sealed record Result(int Stored, int Due, TimeSpan Seed, Phase Find, Phase Claim, Phase Complete, int Sweeps)
    {
        public double Spread { get; init; }

        /// <summary>A find query that matches nothing: what the storage spends on a query before there is anything to return.</summary>
        public TimeSpan EmptyQuery { get; init; }
    }

    private sealed record Phase(long Requests, TimeSpan Time);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        report.Line($"## Reminder sweep — {Environment.ProcessorCount} cores, Azurite, {duePercent.ToString(CultureInfo.InvariantCulture)}% due, pages of {new ReminderOptions().BatchSize}, median of {Math.Max(1, repeat)} runs");
        report.Line();
        List<Result> results = [];
        int errors = 0;
        int[] runs = [100, .. sizes];   // the first one warms up (JIT, connections) and is not reported
        for (int i = 0; i < runs.Length; i++)
        {
            int size = runs[i];
            string prefix = "S" + Guid.NewGuid().ToString("N")[..10];
            TableClientOptions clientOptions = new();
            clientOptions.AddPolicy(new StorageRequestPolicy(prefix), HttpPipelinePosition.PerRetry);
            RegieTables tables = new(new TableServiceClient(storage, clientOptions), Options.Create(new StorageOptions { ConnectionString = storage, TablePrefix = prefix }));
            TableClient table = tables.Get(RegieTables.Reminders);
            await table.CreateIfNotExistsAsync(cancellationToken);
            try
            {
                (Result result, int problems) = await MeasureAsync(size, new TableReminderStore(tables), table, cancellationToken);
                errors += problems;
                if (i == 0)
                {
                    continue;
                }

                results.Add(result);
                Console.Error.WriteLine($"sweep {size}: {result.Due} due, find+claim {result.Find.Time.TotalMilliseconds + result.Claim.Time.TotalMilliseconds:0} ms");
            }
            finally
            {
                await table.DeleteAsync(CancellationToken.None);
            }
        }

        Write(results);
        report.Line(errors == 0 ? "No errors." : $"**{errors} errors.**");
        return errors;
    }

    private async Task<(Result, int)> MeasureAsync(int size, TableReminderStore store, TableClient table, CancellationToken cancellationToken)
    {
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());   // whole seconds survive the round trip
        Stopwatch seeding = Stopwatch.StartNew();
        IReadOnlyList<Reminder> due = await SeedAsync(size, now, table, cancellationToken);
        TimeSpan seed = seeding.Elapsed;
        TimeSpan emptyQuery = await TimeEmptyQueryAsync(store, cancellationToken);
        List<Result> runs = [];
        int problems = 0;
        for (int run = 0; run < Math.Max(1, repeat); run++)
        {
            if (run > 0)
            {
                await WriteDueRowsAsync(due, table, cancellationToken);
            }

            (Result result, int failed) = await SweepAsync(size, due.Count, seed, store, now, cancellationToken);
            runs.Add(result);
            problems += failed;
        }

        List<Result> ordered = [.. runs.OrderBy(PerDue)];
        return (ordered[ordered.Count / 2] with { Spread = PerDue(ordered[^1]) - PerDue(ordered[0]), EmptyQuery = emptyQuery }, problems);
    }

    /// <summary>Median of five finds before anything was due. Azure Table Storage answers it from its key index;
    /// Azurite evaluates the filter on every entity of the table, so this grows with the table there.</summary>
    private static async Task<TimeSpan> TimeEmptyQueryAsync(TableReminderStore store, CancellationToken cancellationToken)
    {
        List<TimeSpan> times = [];
        for (int i = 0; i < 5; i++)
        {
            long started = Stopwatch.GetTimestamp();
            IReadOnlyList<Reminder> none = await store.GetDueAsync(DateTimeOffset.UnixEpoch, new ReminderOptions().BatchSize, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started));
            if (none.Count > 0)
            {
                throw new InvalidOperationException("A reminder was due in 1970: the seeding is wrong.");
            }
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static async Task<(Result, int)> SweepAsync(int size, int due, TimeSpan seed, TableReminderStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int batch = new ReminderOptions().BatchSize;
        RequestMeter find = new();
        RequestMeter claim = new();
        RequestMeter complete = new();
        long findTicks = 0;
        long claimTicks = 0;
        long completeTicks = 0;
        int claimed = 0;
        int sweeps = 0;
        while (true)
        {
            RequestMeter.Current = find;
            long started = Stopwatch.GetTimestamp();
            IReadOnlyList<Reminder> page = await store.GetDueAsync(now, batch, cancellationToken);
            findTicks += Stopwatch.GetTimestamp() - started;
            if (page.Count == 0)
            {
                break;
            }

            sweeps++;
            int claimedBefore = claimed;
            foreach (Reminder reminder in page)
            {
                RequestMeter.Current = claim;
                started = Stopwatch.GetTimestamp();
                Reminder? mine = await store.TryClaimAsync(reminder, now, now.AddMinutes(5), cancellationToken);
                claimTicks += Stopwatch.GetTimestamp() - started;
                if (mine is null)
                {
                    continue;
                }

                claimed++;
                RequestMeter.Current = complete;
                started = Stopwatch.GetTimestamp();
                await store.MarkSentAsync(mine, "1767225700000", now, null, cancellationToken);
                completeTicks += Stopwatch.GetTimestamp() - started;
            }

            if (claimed == claimedBefore)
            {
                break;   // only rows that stay claimed: reported as an error below
            }
        }

        RequestMeter.Current = null;
        int problems = claimed == due ? 0 : 1;
        if (problems > 0)
        {
            Console.Error.WriteLine($"sweep {size}: {due} due, but {claimed} claimed and sent");
        }

        Result result = new(size, due, seed,
            new Phase(find.StorageRequests, Stopwatch.GetElapsedTime(0, findTicks)),
            new Phase(claim.StorageRequests, Stopwatch.GetElapsedTime(0, claimTicks)),
            new Phase(complete.StorageRequests, Stopwatch.GetElapsedTime(0, completeTicks)),
            sweeps);
        return (result, problems);
    }

    /// <summary>
    /// Writes the rows <see cref="TableReminderStore.ScheduleAsync"/> would write (a due row in partition <c>due</c>, a
    /// pointer row in <c>k|{kaart}</c>), due rows in batches of 100, pointers in parallel. Every hundredth kaart is due.
    /// </summary>
    private async Task<IReadOnlyList<Reminder>> SeedAsync(int size, DateTimeOffset now, TableClient table, CancellationToken cancellationToken)
    {
        int every = (int)Math.Round(100 / duePercent);
        List<Reminder> reminders = [.. Enumerable.Range(0, size).Select(i => new Reminder
        {
            KaartId = "k" + size.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString("D7", CultureInfo.InvariantCulture),
            Kind = ReminderKind.Evaluatie,
            DueAt = i % every == 0 ? now.AddMinutes(-1 - (i % 600)) : now.AddDays(1 + (i % 90)).AddSeconds(i % 3600),
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ThreadId = $"19:kanaal{i % 50}@thread.tacv2;messageid={1767225600000 + i}",
            TenantId = "t-1",
            BotId = "28:bot",
            TeamId = "19:team@thread.tacv2",
        })];

        await WriteDueRowsAsync(reminders, table, cancellationToken);
        await Parallel.ForEachAsync(
            reminders,
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            async (r, ct) => await table.UpsertEntityAsync(TableReminderStore.ScheduledRows(r).Pointer, TableUpdateMode.Replace, ct));
        return [.. reminders.Where(r => r.DueAt <= now)];
    }

    private static async Task WriteDueRowsAsync(IEnumerable<Reminder> reminders, TableClient table, CancellationToken cancellationToken)
    {
        foreach (Reminder[] chunk in reminders.Chunk(100))
        {
            await table.SubmitTransactionAsync(
                [.. chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableReminderStore.ScheduledRows(r).Due))], cancellationToken);
        }
    }

    private void Write(List<Result> results)
    {
        report.Table(
            ["kaarten stored", "due", "sweeps", "find: requests", "find ms", "claim: requests", "claim ms", "find+claim ms / due", "(spread of the runs)", "find+claim requests / due", "mark sent ms / due", "empty find query ms", "seeding s"],
            results.Select(r => (IReadOnlyList<string>)[
                I(r.Stored), I(r.Due), I(r.Sweeps),
                I(r.Find.Requests), Report.N(r.Find.Time.TotalMilliseconds), I(r.Claim.Requests), Report.N(r.Claim.Time.TotalMilliseconds),
                Report.N(PerDue(r), "0.00"), Report.N(r.Spread, "0.00"), Report.N(Requests(r), "0.00"),
                Report.N(r.Complete.Time.TotalMilliseconds / Math.Max(1, r.Due), "0.00"), Report.N(r.EmptyQuery.TotalMilliseconds), Report.N(r.Seed.TotalSeconds)]));
        if (results.Count >= 2)
        {
            Result first = results[0];
            Result last = results[^1];
            double growth = (PerDue(last) / PerDue(first) - 1) * 100;
            double findGrowth = (last.Find.Time.TotalMilliseconds / Math.Max(1, last.Sweeps) / (first.Find.Time.TotalMilliseconds / Math.Max(1, first.Sweeps)) - 1) * 100;
            double requestGrowth = (Requests(last) / Requests(first) - 1) * 100;
            report.Line($"From {I(first.Stored)} to {I(last.Stored)} stored kaarten the find+claim time per due reminder changes by {Report.N(growth, "+0;-0")}% " +
                $"(target: less than +20%), the find+claim storage requests per due reminder by {Report.N(requestGrowth, "+0;-0")}%; " +
                $"the time of one find query (page) by {Report.N(findGrowth, "+0;-0")}%, of a find query that matches nothing by " +
                $"{Report.N((last.EmptyQuery / first.EmptyQuery - 1) * 100, "+0;-0")}% (the storage's own cost of a query at that size).");
            report.Line();
        }
    }

    private static double Requests(Result r) => (double)(r.Find.Requests + r.Claim.Requests) / Math.Max(1, r.Due);

    private static double PerDue(Result r) => (r.Find.Time.TotalMilliseconds + r.Claim.Time.TotalMilliseconds) / Math.Max(1, r.Due);

    private static string I(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
