using System.Collections.Concurrent;
using System.Diagnostics;

namespace RegieBot.Benchmarks.Measuring;

/// <summary>
/// Counts outbound requests (storage and connector) and the time spent in them. A turn's own meter is found through
/// <see cref="Current"/>, which flows with the request's async context from the bot endpoint into the Azure SDK
/// pipeline and the connector's HttpClient; requests outside any turn (the reminder worker) go to a shared meter.
/// The outbox relay's work flows from the turn that committed it too, but runs in a span of its own
/// (<see cref="Operations.RegieTelemetry.OutboxSpanName"/>): those requests are not the turn's request path and go to
/// <paramref name="relay"/> under the turn's <paramref name="kind"/> instead, whenever they happen.
/// </summary>
internal sealed class RequestMeter(string? kind = null, IRelayRequests? relay = null)
{
    private static readonly AsyncLocal<RequestMeter?> Ambient = new();
    private readonly ConcurrentDictionary<string, int> _byOperation = new(StringComparer.Ordinal);
    private long _storageRequests;
    private long _storageTicks;
    private long _connectorRequests;
    private long _connectorTicks;

    /// <summary>The meter of the turn being handled, if any.</summary>
    public static RequestMeter? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Requests made outside any turn.</summary>
    public static RequestMeter Background { get; } = new();

    public static RequestMeter CurrentOrBackground => Current ?? Background;

    private static ConcurrentQueue<(string Operation, double Ms)> s_storageAttempts = new();

    public long StorageRequests => Interlocked.Read(ref _storageRequests);

    public long ConnectorRequests => Interlocked.Read(ref _connectorRequests);

    public TimeSpan StorageTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storageTicks));

    public TimeSpan ConnectorTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _connectorTicks));

    /// <summary>Storage requests by "table operation", e.g. <c>Turns batch</c>, <c>Kaarten read</c>.</summary>
    public IReadOnlyDictionary<string, int> ByOperation => _byOperation;

    /// <summary>Whether the current flow is the outbox relay's (after the answer, or the sweep).</summary>
    public static bool InRelay
    {
        get
        {
            for (Activity? span = Activity.Current; span is not null; span = span.Parent)
            {
                if (span.OperationName == Operations.RegieTelemetry.OutboxSpanName && span.Source.Name == Operations.RegieTelemetry.Name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void AddStorage(string operation, long elapsedTicks)
    {
        if (InRelay)
        {
            relay?.Add(kind ?? "(no turn)", operation);
            Volatile.Read(ref s_storageAttempts).Enqueue((string.Intern(operation), Stopwatch.GetElapsedTime(0, elapsedTicks).TotalMilliseconds));
            return;
        }

        Interlocked.Increment(ref _storageRequests);
        Interlocked.Add(ref _storageTicks, elapsedTicks);
        _byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);
        Volatile.Read(ref s_storageAttempts).Enqueue((string.Intern(operation), Stopwatch.GetElapsedTime(0, elapsedTicks).TotalMilliseconds));
    }

    /// <summary>Every storage attempt of any meter since the last call: "table operation" and its time in ms.</summary>
    public static List<(string Operation, double Ms)> DrainStorageAttempts() =>
        [.. Interlocked.Exchange(ref s_storageAttempts, new ConcurrentQueue<(string, double)>())];

    public void AddConnector(string operation, long elapsedTicks)
    {
        if (InRelay)
        {
            relay?.Add(kind ?? "(no turn)", "connector " + operation);
            return;
        }

        Interlocked.Increment(ref _connectorRequests);
        Interlocked.Add(ref _connectorTicks, elapsedTicks);
        _byOperation.AddOrUpdate("connector " + operation, 1, (_, n) => n + 1);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _storageRequests, 0);
        Interlocked.Exchange(ref _storageTicks, 0);
        Interlocked.Exchange(ref _connectorRequests, 0);
        Interlocked.Exchange(ref _connectorTicks, 0);
        _byOperation.Clear();
    }
}

/// <summary>Where the outbox relay's requests that follow a turn are counted: by the turn's kind and "table operation".</summary>
internal interface IRelayRequests
{
    void Add(string kind, string operation);
}
