using System.Text.Json.Nodes;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Common;

/// <summary>
/// Posts messages that show data of a casus and remembers them with the casus, so that deleting it (by
/// <c>verwijderen</c> or after the retention period) can replace each of them in Teams with a short notice.
/// </summary>
internal sealed class CasusMessages(IConnectorClient connector, IKaartStore store, RemovedCard removedCard, ServiceUrls serviceUrls) : IRecordedAnswers
{
    /// <summary>
    /// Posts <paramref name="card"/> in the kaart's thread once, however often it is asked: the post is recorded (a
    /// message row without an id) before it is sent and completed with the id after, and a post whose record has an id
    /// is not sent again. Only a crash between sending and completing the record posts it twice. Returns the posted
    /// message's id, or null when the casus is gone (nothing is posted, nothing written).
    /// </summary>
    /// <param name="fresh">
    /// The post's id is new (the relay of the commit that made it, on the instance that committed): no record of it can
    /// exist, so none is read.
    /// </param>
    public Task<string?> PostRecordedAsync(string kaartId, string postId, JsonObject card, CancellationToken cancellationToken, bool fresh = false) =>
        PostRecordedAsync(kaartId, postId, KaartPublisher.CardMessage(card), fresh, cancellationToken);

    /// <summary>
    /// A text in the kaart's thread that may name the casus (an answer to a click without Universal Actions), recorded
    /// like a card: posted once, and replaced by the erasure's notice when the casus goes.
    /// </summary>
    public Task<string?> PostRecordedTextAsync(string kaartId, string postId, string text, CancellationToken cancellationToken) =>
        PostRecordedAsync(kaartId, postId, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, fresh: false, cancellationToken);

    private async Task<string?> PostRecordedAsync(string kaartId, string postId, Activity message, bool fresh, CancellationToken cancellationToken)
    {
        bool isCard = message.Attachments is { Count: > 0 };
        if (!fresh && await store.GetPostAsync(kaartId, postId, cancellationToken) is { ActivityId: { } sent })
        {
            return sent;
        }

        if (await store.LocateAsync(kaartId, cancellationToken) is not { } location)
        {
            return null;
        }

        RecordedPost pending = await store.BeginPostAsync(kaartId, postId, location.ThreadId, isCard, cancellationToken);
        if (await store.LocateAsync(kaartId, cancellationToken) is null)
        {
            // Erased between the two reads: the record just written is the only row of the casus; it goes again.
            await store.AbandonPostAsync(pending, cancellationToken);
            return null;
        }

        string serviceUrl = await serviceUrls.LatestAsync(location.ThreadId, location.ServiceUrl, cancellationToken);
        ResourceResponse posted = await connector.SendToConversationAsync(serviceUrl, location.ThreadId, message, cancellationToken);
        string id = posted.Id ?? string.Empty;
        if (!await store.CompletePostAsync(pending, id, cancellationToken) && id.Length > 0)
        {
            // Erased while it was being posted: the erasure could not know this message, so it is replaced here.
            Activity notice = isCard
                ? KaartPublisher.CardMessage(removedCard.Build(CasusTexts.RemovedFallbackNotice))
                : new Activity { Type = ActivityTypes.Message, Text = CasusTexts.RemovedText(CasusTexts.RemovedFallbackNotice), TextFormat = "plain" };
            await connector.UpdateActivityAsync(serviceUrl, location.ThreadId, id, notice, cancellationToken);
            return null;
        }

        return id;
    }

    public async Task<string?> PostCardAsync(string kaartId, string serviceUrl, string conversationId, JsonObject card, CancellationToken cancellationToken)
    {
        string latest = await serviceUrls.LatestAsync(conversationId, serviceUrl, cancellationToken);
        ResourceResponse posted = await connector.SendToConversationAsync(latest, conversationId, KaartPublisher.CardMessage(card), cancellationToken);
        await RememberAsync(kaartId, conversationId, posted.Id, isCard: true, cancellationToken);
        return posted.Id;
    }

    /// <summary>Text with user input (names, agreements) in the conversation of the turn.</summary>
    public async Task PostTextAsync(TurnContext turn, string kaartId, string text, CancellationToken cancellationToken)
    {
        ResourceResponse posted = await turn.SendPlainTextAsync(text, cancellationToken);
        await RememberAsync(kaartId, turn.Activity.Conversation?.Id ?? string.Empty, posted.Id, isCard: false, cancellationToken);
    }

    public Task RememberAsync(string kaartId, string conversationId, string? activityId, bool isCard, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activityId) || conversationId.Length == 0
            ? Task.CompletedTask
            : store.RecordPostedMessageAsync(kaartId, new PostedMessage(conversationId, activityId, isCard), cancellationToken);
}
