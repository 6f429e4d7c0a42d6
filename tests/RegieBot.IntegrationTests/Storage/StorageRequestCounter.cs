using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RegieBot.IntegrationTests.Storage;

/// <summary>Azure SDK pipeline policy (per attempt) that records each Table Storage request as "{method} {last path segment}".</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _paths = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Each request as "{method} {unescaped path}", keys included: to count reads of one row.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    public void Clear()
    {
        _requests.Clear();
        _paths.Clear();
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
        _requests.Enqueue(message.Request.Method.Method + " " + (open >= 0 ? last[..open] : last));
        _paths.Enqueue(message.Request.Method.Method + " " + Uri.UnescapeDataString(path));
    }
}
