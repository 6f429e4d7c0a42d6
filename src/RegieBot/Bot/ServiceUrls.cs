using System.Collections.Concurrent;
using RegieBot.Domain.Conversations;

namespace RegieBot.Bot;

/// <summary>
/// The serviceUrl for a post or update the bot makes by itself (a reminder, the shared card after a commit, an erasure):
/// the one of the latest activity Teams sent from that conversation, as the turn pipeline stores it, else the one recorded
/// with the kaart or reminder. Teams may move a conversation to another serviceUrl while a kaart lives for months; a url
/// recorded at <c>start</c> would then go stale. Only urls of authenticated activities are stored, and the connector still
/// refuses an untrusted host whatever this returns.
/// The url of a conversation this instance has seen an activity from (or read before) comes from memory: a post right
/// after a turn makes no request for it. Another instance may meanwhile have seen a newer one; Teams keeps an old
/// serviceUrl working while it moves a conversation, and every turn here brings the newest again.
/// </summary>
internal sealed class ServiceUrls(IConversationReferenceStore conversations)
{
    /// <summary>Conversations remembered at most; beyond, memory starts again (each then costs one read).</summary>
    internal const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);

    public async Task<string> LatestAsync(string conversationId, string recorded, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return recorded;
        }

        if (_seen.TryGetValue(conversationId, out string? seen))
        {
            return seen;
        }

        ConversationReference? reference = await conversations.GetAsync(conversationId, cancellationToken);
        if (reference?.ServiceUrl is { Length: > 0 } latest)
        {
            Remember(conversationId, latest);
            return latest;
        }

        return recorded;
    }

    /// <summary>The serviceUrl of an authenticated activity from the conversation, the newest there is.</summary>
    public void Remember(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.ServiceUrl is { Length: > 0 } url)
        {
            Remember(reference.ConversationId, url);
        }
    }

    /// <summary>Stores the conversation reference for every instance (in the background, after the turn).</summary>
    public Task<bool> StoreAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        conversations.RefreshAsync(reference, cancellationToken);

    private void Remember(string conversationId, string url)
    {
        if (_seen.Count >= MaxRemembered)
        {
            _seen.Clear();
        }

        _seen[conversationId] = url;
    }
}
