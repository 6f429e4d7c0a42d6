using System.Text.Json.Nodes;
using RegieBot.Bot;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>
/// Posts messages that show data of a casus and remembers them with the casus, so that deleting it (by
/// <c>verwijderen</c> or after the retention period) can replace each of them in Teams with a short notice.
/// </summary>
internal sealed class CasusMessages(IConnectorClient connector, IKaartStore store, ServiceUrls serviceUrls)
{
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
