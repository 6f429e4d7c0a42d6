using Azure.Core;
using Azure.Core.Pipeline;

namespace RegieBot.IntegrationTests.Storage;

/// <summary>
/// Once armed, lets the first request that <paramref name="matches"/> reach storage and then loses its response (status 0,
/// which the SDK retries when it may): the write landed, the client does not know.
/// </summary>
internal sealed class LoseOneResponse(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int _armed;

    public bool Lost { get; private set; }

    public void Arm() => Volatile.Write(ref _armed, 1);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        LoseIfFirst(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        LoseIfFirst(message);
    }

    public static Func<HttpMessage, bool> To(string method, string pathEnd) =>
        m => m.Request.Method.Method == method && m.Request.Uri.Path.Split('(')[0].EndsWith(pathEnd, StringComparison.Ordinal);

    /// <summary>A transaction (<c>$batch</c>) with an operation on <paramref name="table"/> (the full table name).</summary>
    public static Func<HttpMessage, bool> ToBatchOf(string table) =>
        m => To("POST", "$batch")(m) && BodyOf(m).Contains("/" + table + "(", StringComparison.Ordinal);

    /// <summary>The request's body as text (a transaction's operations with their URLs and headers).</summary>
    public static string BodyOf(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return string.Empty;
        }

        using MemoryStream body = new();
        content.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    private void LoseIfFirst(HttpMessage message)
    {
        if (matches(message) && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
        {
            Lost = true;
            // As the HTTP transport reports a connection that broke before the response: status 0, retried by the SDK.
            throw new Azure.RequestFailedException(0, "The response was lost (simulated).", new IOException("connection reset"));
        }
    }
}
