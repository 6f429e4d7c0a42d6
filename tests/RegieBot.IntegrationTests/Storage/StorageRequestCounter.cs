using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RegieBot.IntegrationTests.Storage;

/// <summary>Azure SDK pipeline policy (per attempt) that records each Table Storage request as "{method} {last path segment}".</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    /// <summary>Makes the bot's spans exist (they are only created for a listener), so a request knows whose it is.</summary>
    private static readonly System.Diagnostics.ActivityListener Spans = Listen();

    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly ConcurrentQueue<string> _requestPath = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>
    /// The requests a turn made before its answer, as <see cref="Requests"/>: inside its <c>regiebot.turn</c> span, not in
    /// the relay's spans (<c>regiebot.outbox</c>, roots of their own) that follow it.
    /// </summary>
    public IReadOnlyList<string> RequestPath => [.. _requestPath];

    /// <summary>Each request as "{method} {unescaped path}", keys included: to count reads of one row.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    public void Clear()
    {
        _requests.Clear();
        _paths.Clear();
        _requestPath.Clear();
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        string path = message.Request.Uri.Path;
        string last = path[(path.LastIndexOf('/') + 1)..];
        int open = last.IndexOf('(', StringComparison.Ordinal);
        string request = message.Request.Method.Method + " " + (open >= 0 ? last[..open] : last);
        _requests.Enqueue(request);
        _paths.Enqueue(message.Request.Method.Method + " " + Uri.UnescapeDataString(path));
        if (InTurn())
        {
            _requestPath.Enqueue(request);
        }
    }

    private static bool InTurn()
    {
        GC.KeepAlive(Spans);
        for (System.Diagnostics.Activity? span = System.Diagnostics.Activity.Current; span is not null; span = span.Parent)
        {
            if (span.OperationName == RegieBot.Operations.RegieTelemetry.OutboxSpanName)
            {
                return false;
            }

            if (span.OperationName == "regiebot.turn")
            {
                return true;
            }
        }

        return false;
    }

    private static System.Diagnostics.ActivityListener Listen()
    {
        System.Diagnostics.ActivityListener listener = new()
        {
            ShouldListenTo = source => source.Name == RegieBot.Operations.RegieTelemetry.Name,   // the const: Source may be the one being created
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
