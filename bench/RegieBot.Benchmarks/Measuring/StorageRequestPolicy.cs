using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RegieBot.Benchmarks.Measuring;

/// <summary>
/// Azure SDK pipeline policy (per attempt) that counts every Table Storage request and its time on the current
/// <see cref="RequestMeter"/>, labelled "{table} {kind}": read (GET: point read or query), insert (POST to a table),
/// batch (POST $batch), replace (PUT), merge (MERGE/PATCH), delete (DELETE).
/// </summary>
internal sealed class StorageRequestPolicy : HttpPipelinePolicy
{
    private readonly string _tablePrefix;

    public StorageRequestPolicy(string tablePrefix) => _tablePrefix = tablePrefix;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            RequestMeter.CurrentOrBackground.AddStorage(Label(message.Request), Stopwatch.GetTimestamp() - started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            RequestMeter.CurrentOrBackground.AddStorage(Label(message.Request), Stopwatch.GetTimestamp() - started);
        }
    }

    private string Label(Request request)
    {
        string path = request.Uri.Path;
        string last = path[(path.LastIndexOf('/') + 1)..];
        if (last == "$batch")
        {
            return TableOfBatch(request) + " batch";
        }

        // "/devstoreaccount1/RegieTurns(PartitionKey='..',RowKey='..')" or "/RegieTurns()": the table is before '('.
        int open = last.IndexOf('(', StringComparison.Ordinal);
        string table = open >= 0 ? last[..open] : last;
        if (table.StartsWith(_tablePrefix, StringComparison.Ordinal))
        {
            table = table[_tablePrefix.Length..];
        }

        string method = request.Method.Method;
        string kind = method switch
        {
            "GET" => "read",
            "POST" => "insert",
            "PUT" => "replace",
            "MERGE" or "PATCH" => "merge",
            "DELETE" => "delete",
            _ => method,
        };
        return table + " " + kind;
    }

    /// <summary>A batch names its table only in its body: the first "/{prefix}{Table}(" or "/{prefix}{Table} " in it.</summary>
    private string TableOfBatch(Request request)
    {
        if (request.Content is null)
        {
            return "(table)";
        }

        using MemoryStream body = new();
        request.Content.WriteTo(body, CancellationToken.None);
        string text = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        int at = text.IndexOf("/" + _tablePrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return "(table)";
        }

        int start = at + 1 + _tablePrefix.Length;
        int end = start;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return text[start..end];
    }
}
