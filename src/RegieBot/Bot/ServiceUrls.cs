using RegieBot.Domain.Conversations;

namespace RegieBot.Bot;

/// <summary>
/// The serviceUrl for a post or update the bot makes by itself (a reminder, the shared card after a commit, an erasure):
/// the one of the latest activity Teams sent from that conversation, as the turn pipeline stores it, else the one recorded
/// with the kaart or reminder. Teams may move a conversation to another serviceUrl while a kaart lives for months; a url
/// recorded at <c>start</c> would then go stale. Only urls of authenticated activities are stored, and the connector still
/// refuses an untrusted host whatever this returns.
/// </summary>
internal sealed class ServiceUrls(IConversationReferenceStore conversations)
{
    public async Task<string> LatestAsync(string conversationId, string recorded, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return recorded;
        }

        ConversationReference? reference = await conversations.GetAsync(conversationId, cancellationToken);
        return reference?.ServiceUrl is { Length: > 0 } latest ? latest : recorded;
    }
}
