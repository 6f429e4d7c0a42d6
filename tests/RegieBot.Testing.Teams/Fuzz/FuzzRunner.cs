using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.Logging;
using RegieBot.Protocol;
using RegieBot.Protocol.Schema;
using Activity = RegieBot.Protocol.Schema.Activity;

namespace RegieBot.Testing.Teams.Fuzz;

/// <summary>What a fuzz run sent and got back.</summary>
public sealed record FuzzReport(long Inputs, IReadOnlyDictionary<int, long> ByStatus, long ServerErrors, long ErrorLogs, TimeSpan Duration)
{
    public double PerSecond => Inputs / Math.Max(Duration.TotalSeconds, 0.001);

    public override string ToString() =>
        $"{Inputs} inputs in {Duration.TotalSeconds:F1} s ({PerSecond:F0}/s): {ServerErrors} responses 5xx, {ErrorLogs} errors logged; status " +
        string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}

/// <summary>
/// Counts every log record at Error or above. A record written while a fuzz input is being handled (the request
/// runs on the sender's execution context) is also kept for that input, so the failing input is the one reported.
/// </summary>
public sealed class ErrorLogCapture : ILoggerProvider
{
    private static readonly AsyncLocal<List<string>?> Current = new();
    private readonly List<string> _first = [];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<string> First
    {
        get
        {
            lock (_first)
            {
                return [.. _first];
            }
        }
    }

    internal static List<string> Attach() => Current.Value = [];

    internal static void Detach() => Current.Value = null;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string entry)
    {
        Interlocked.Increment(ref _count);
        lock (_first)
        {
            if (_first.Count < 20)
            {
                _first.Add(entry);
            }
        }

        List<string>? current = Current.Value;
        if (current is not null)
        {
            lock (current)
            {
                current.Add(entry);
            }
        }
    }

    private sealed class Logger(ErrorLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>
/// Sends <see cref="ActivityMutator.Case"/> inputs through a host's <c>POST /api/messages</c> with CsCheck (in
/// parallel; a failing input is shrunk and reported with its body). An input fails when the answer is a 5xx or
/// anything is logged at Error while it is handled.
/// </summary>
public static class FuzzRunner
{
    /// <summary>How many inputs: the environment variable when set (the long run), otherwise the suite's short run.</summary>
    public static long Iterations(string variable, long shortRun) =>
        long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : shortRun;

    /// <summary>
    /// An invoke whose name the bot does not handle: answered 501 Not Implemented on purpose (what the SDKs do,
    /// bot-protocol.md), so not a failure. Card actions and the typeahead are never allowed a 501.
    /// </summary>
    public static bool IsUnhandledInvoke(byte[] body)
    {
        try
        {
            Activity? activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity);
            return activity is { Type: ActivityTypes.Invoke } && activity.Name is not ("adaptiveCard/action" or "application/search");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// After a run: a normal <c>help</c> in personal chat, new (its own id and timestamp, so no redelivery of an
    /// input), authenticated as Teams does. The caller checks that it is answered.
    /// </summary>
    public static async Task<HttpStatusCode> SayHelpAsync(HttpClient client, FuzzSigning signing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(signing);
        System.Text.Json.Nodes.JsonObject activity = FuzzSeeds.PersonalMessage("help");
        activity["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        using HttpRequestMessage help = new(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        help.Headers.TryAddWithoutValidation("Authorization", signing.AuthorizationFor(FuzzAuth.Valid, FuzzSeeds.ServiceUrl));
        using HttpResponseMessage answer = await client.SendAsync(help, cancellationToken);
        return answer.StatusCode;
    }

    /// <param name="seeds">What the cases mutate: <see cref="FuzzSeeds.All"/> unless given (e.g. with a real dialog's cards).</param>
    /// <param name="isolate">Called for each input before it is sent; the scope it returns is disposed after the answer.</param>
    /// <param name="chunk">With <paramref name="beforeChunk"/>: the run is cut into samples of this many inputs, each after a call of it.</param>
    public static async Task<FuzzReport> RunAsync(
        HttpClient client, FuzzSigning signing, ErrorLogCapture errors, long iterations, Action<string> writeLine, int threads = -1,
        IReadOnlyList<Func<System.Text.Json.Nodes.JsonObject>>? seeds = null, Func<IDisposable?>? isolate = null, long chunk = 0, Func<Task>? beforeChunk = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(signing);
        ArgumentNullException.ThrowIfNull(errors);
        IReadOnlyList<Func<System.Text.Json.Nodes.JsonObject>> from = seeds ?? FuzzSeeds.All;
        long[] byStatus = new long[600];
        long inputs = 0;
        long serverErrors = 0;
        long errorsBefore = errors.Count;
        string? replay = Environment.GetEnvironmentVariable("REGIEBOT_FUZZ_SEED");
        Stopwatch watch = Stopwatch.StartNew();
        for (long done = 0; done < iterations;)
        {
            // A replayed seed is one sample: every chunk would repeat it.
            long size = chunk > 0 && beforeChunk is not null && replay is null ? Math.Min(chunk, iterations - done) : iterations - done;
            if (beforeChunk is not null)
            {
                await beforeChunk();
            }

            await SampleAsync(size);
            done += size;
        }

        watch.Stop();
        Dictionary<int, long> statuses = [];
        for (int s = 0; s < byStatus.Length; s++)
        {
            if (byStatus[s] > 0)
            {
                statuses[s] = byStatus[s];
            }
        }

        return new FuzzReport(inputs, statuses, serverErrors, errors.Count - errorsBefore, watch.Elapsed);

        Task SampleAsync(long size) => ActivityMutator.Case.SampleAsync(
            async fuzzCase =>
            {
                byte[] body = fuzzCase.Render(from, out string? serviceUrl);
                using ByteArrayContent content = new(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using HttpRequestMessage request = new(HttpMethod.Post, "/api/messages") { Content = content };
                string authorization = signing.AuthorizationFor(fuzzCase.Auth, serviceUrl);
                if (authorization.Length > 0)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                List<string> logged = ErrorLogCapture.Attach();
                int status;
                try
                {
                    using IDisposable? scope = isolate?.Invoke();
                    using HttpResponseMessage response = await client.SendAsync(request);
                    status = (int)response.StatusCode;
                }
                finally
                {
                    ErrorLogCapture.Detach();
                }

                Interlocked.Increment(ref inputs);
                Interlocked.Increment(ref byStatus[Math.Clamp(status, 0, 599)]);
                bool serverError = status >= 500 && !(status == 501 && IsUnhandledInvoke(body));
                if (serverError)
                {
                    Interlocked.Increment(ref serverErrors);
                }

                string[] entries;
                lock (logged)
                {
                    entries = [.. logged];
                }

                bool notRefused = fuzzCase.MustBeRefused && status is < 400 or >= 500;
                if (serverError || entries.Length > 0 || notRefused)
                {
                    throw new InvalidOperationException(
                        $"HTTP {status}{(notRefused ? " where a 4xx was due" : "")}; logged: {string.Join(" | ", entries.Select(e => e.Length > 1500 ? e[..1500] : e))}");
                }
            },
            writeLine: writeLine,
            seed: replay,
            iter: size,
            threads: threads,
            print: c =>
            {
                string text = Encoding.UTF8.GetString(c.Render(from));
                return $"{c}\n{(text.Length > 3000 ? text[..3000] + "…" : text)}";
            });
    }
}
