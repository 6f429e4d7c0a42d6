using System.Collections.Concurrent;
using System.Diagnostics;
using RegieBot.Benchmarks.Measuring;

namespace RegieBot.Benchmarks.Turns;

/// <summary>
/// One turn as the bot handled it: server-side time, and what of it went to storage and the connector. <c>GcPauseMs</c>:
/// the process's garbage collection pauses while the turn ran (all threads stop; one turn at a time they fall in this turn).
/// </summary>
internal sealed record TurnSample(string Kind, double ServerMs, double OwnMs, long StorageRequests, long ConnectorRequests, int Status, double GcPauseMs)
{
    /// <summary>Own work outside garbage collection pauses.</summary>
    public double OwnOutsideGcMs => Math.Max(0, OwnMs - GcPauseMs);
}

/// <summary>
/// Collects <see cref="TurnSample"/>s from the metering middleware, per turn kind, and storage operations per kind: those
/// of the request path (made while the turn was answered) and those the outbox relay made for it afterwards.
/// </summary>
internal sealed class TurnRecorder : IRelayRequests
{
    private ConcurrentQueue<TurnSample> _samples = new();
    private readonly ConcurrentDictionary<(string Kind, string Operation), long> _operations = new();
    private readonly ConcurrentDictionary<(string Kind, string Operation), long> _relay = new();

    public void Add(string kind, string operation) => _relay.AddOrUpdate((kind, operation), 1, (_, n) => n + 1);

    public void Record(string kind, long elapsedTicks, RequestMeter meter, int status, TimeSpan gcPause)
    {
        double server = Stopwatch.GetElapsedTime(0, elapsedTicks).TotalMilliseconds;
        double own = Math.Max(0, server - meter.StorageTime.TotalMilliseconds - meter.ConnectorTime.TotalMilliseconds);
        Volatile.Read(ref _samples).Enqueue(new TurnSample(string.Intern(kind), server, own, meter.StorageRequests, meter.ConnectorRequests, status, gcPause.TotalMilliseconds));
        foreach ((string operation, int count) in meter.ByOperation)
        {
            _operations.AddOrUpdate((kind, operation), count, (_, n) => n + count);
        }
    }

    /// <summary>The samples since the last call; the queue is replaced, so what held them is let go too.</summary>
    public IReadOnlyList<TurnSample> Drain() => [.. Interlocked.Exchange(ref _samples, new ConcurrentQueue<TurnSample>())];

    /// <summary>Storage and connector requests per (turn kind, operation) since the last call.</summary>
    public IReadOnlyDictionary<(string Kind, string Operation), long> DrainOperations() => Drain(_operations);

    /// <summary>The relay's storage and connector requests per (turn kind, operation) since the last call.</summary>
    public IReadOnlyDictionary<(string Kind, string Operation), long> DrainRelay() => Drain(_relay);

    private static Dictionary<(string, string), long> Drain(ConcurrentDictionary<(string Kind, string Operation), long> counts)
    {
        Dictionary<(string, string), long> drained = [];
        foreach ((string, string) key in counts.Keys)
        {
            if (counts.TryRemove(key, out long n))
            {
                drained[key] = n;
            }
        }

        return drained;
    }
}
