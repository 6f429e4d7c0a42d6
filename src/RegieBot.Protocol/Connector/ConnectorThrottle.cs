using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// What Teams said about throttling, shared by every connector call of the process: after a 429 for a channel (its
/// threads and the channel itself) no call to that channel goes out before the <c>Retry-After</c> has passed — not
/// the call's own retry, and not another operation's call (the reminder sweep, the outbox relay, an erasure, a turn).
/// Keyed by serviceUrl and channel: Teams limits a bot per conversation and per tenant, and a burst is one channel.
/// </summary>
internal sealed class ConnectorThrottle(TimeProvider time, IOptions<ConnectorOptions> options)
{
    private const int MaxEntries = 4096;
    private const string ConversationsSegment = "/v3/conversations/";
    private const string ThreadMarker = ";messageid=";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    /// <summary>How long a call to <paramref name="uri"/> must still wait; zero when it may go now.</summary>
    public TimeSpan WaitFor(Uri? uri)
    {
        if (uri is null || !_notBefore.TryGetValue(KeyOf(uri), out DateTimeOffset until))
        {
            return TimeSpan.Zero;
        }

        TimeSpan wait = until - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Teams answered 429 for <paramref name="uri"/> and asks for <paramref name="wait"/> (capped at <see cref="ConnectorOptions.MaxRetryAfter"/>).</summary>
    public void Record(Uri? uri, TimeSpan? wait)
    {
        if (uri is null)
        {
            return;
        }

        TimeSpan cap = options.Value.MaxRetryAfter;
        TimeSpan asked = wait ?? options.Value.RetryBaseDelay;
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset until = now + (asked > cap ? cap : asked < TimeSpan.Zero ? TimeSpan.Zero : asked);
        _notBefore.AddOrUpdate(KeyOf(uri), until, (_, known) => known > until ? known : until);
        if (_notBefore.Count > MaxEntries)
        {
            foreach (KeyValuePair<string, DateTimeOffset> entry in _notBefore.Where(e => e.Value <= now))
            {
                _notBefore.TryRemove(entry);
            }
        }
    }

    /// <summary>The serviceUrl up to <c>/v3/</c>, and the channel of the conversation in the path (a thread's id without its <c>;messageid=</c>).</summary>
    internal static string KeyOf(Uri uri)
    {
        string path = uri.GetLeftPart(UriPartial.Path);
        int at = path.IndexOf(ConversationsSegment, StringComparison.Ordinal);
        if (at < 0)
        {
            int root = path.IndexOf("/v3/", StringComparison.Ordinal);
            return root < 0 ? path : path[..root];
        }

        string rest = path[(at + ConversationsSegment.Length)..];
        int end = rest.IndexOf('/', StringComparison.Ordinal);
        string conversation = Uri.UnescapeDataString(end < 0 ? rest : rest[..end]);
        int thread = conversation.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return path[..at] + "\n" + (thread < 0 ? conversation : conversation[..thread]);
    }
}
