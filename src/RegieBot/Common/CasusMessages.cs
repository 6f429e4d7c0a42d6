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
        return await CompleteAsync(pending, id, serviceUrl, isCard, cancellationToken) ? id : null;
    }

    /// <summary>
    /// Completes a post's record with the message's id. False when the casus was erased while it was being posted: the
    /// erasure could not know this message, so it is replaced here.
    /// </summary>
    private async Task<bool> CompleteAsync(RecordedPost pending, string id, string serviceUrl, bool isCard, CancellationToken cancellationToken)
    {
        if (await store.CompletePostAsync(pending, id, cancellationToken) || id.Length == 0)
        {
            return true;
        }

        Activity notice = isCard
            ? KaartPublisher.CardMessage(removedCard.Build(CasusTexts.RemovedFallbackNotice))
            : new Activity { Type = ActivityTypes.Message, Text = CasusTexts.RemovedText(CasusTexts.RemovedFallbackNotice), TextFormat = "plain" };
        await connector.UpdateActivityAsync(serviceUrl, pending.ConversationId, id, notice, cancellationToken);
        return false;
    }

    /// <summary>A command's card about the casus in <paramref name="conversationId"/> (see <see cref="PostInTurnAsync"/>).</summary>
    public async Task<string?> PostCardAsync(string kaartId, string serviceUrl, string conversationId, JsonObject card, CancellationToken cancellationToken)
    {
        string latest = await serviceUrls.LatestAsync(conversationId, serviceUrl, cancellationToken);
        return await PostInTurnAsync(
            kaartId, latest, conversationId, isCard: true,
            ct => connector.SendToConversationAsync(latest, conversationId, KaartPublisher.CardMessage(card), ct), cancellationToken);
    }

    /// <summary>Text with user input (names, agreements) in the conversation of the turn (see <see cref="PostInTurnAsync"/>).</summary>
    public Task<string?> PostTextAsync(TurnContext turn, string kaartId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return PostInTurnAsync(
            kaartId, turn.Activity.ServiceUrl ?? string.Empty, turn.Activity.Conversation?.Id ?? string.Empty, isCard: false,
            ct => turn.SendPlainTextAsync(text, ct), cancellationToken);
    }

    /// <summary>
    /// A post within a turn that has just read the casus (a command's answer): its record is begun before it is sent, and
    /// nothing is sent once the casus is found erased. A post that an erasure overtakes is replaced by its notice here
    /// (the record cannot be completed), so every message that shows the casus is either known to its erasure or
    /// replaced. Three storage requests (begin, the check, complete); the id is new, so no record of it is read first.
    /// </summary>
    private async Task<string?> PostInTurnAsync(
        string kaartId, string serviceUrl, string conversationId, bool isCard, Func<CancellationToken, Task<ResourceResponse>> send, CancellationToken cancellationToken)
    {
        if (conversationId.Length == 0)
        {
            return null;
        }

        RecordedPost pending = await store.BeginPostAsync(kaartId, "t" + Guid.NewGuid().ToString("N"), conversationId, isCard, cancellationToken);
        ResourceResponse posted;
        try
        {
            if (await store.LocateAsync(kaartId, cancellationToken) is null)
            {
                await store.AbandonPostAsync(pending, cancellationToken);
                return null;
            }

            posted = await send(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.AbandonPostAsync(pending, CancellationToken.None);
            throw;
        }

        string id = posted.Id ?? string.Empty;
        if (id.Length == 0)
        {
            await store.AbandonPostAsync(pending, cancellationToken);
            return null;
        }

        return await CompleteAsync(pending, id, serviceUrl, isCard, cancellationToken) ? id : null;
    }
}
