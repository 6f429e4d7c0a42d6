using System.Net;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>
/// Keeps the regiekaart card in its thread in step with the stored kaart: updated in place, and posted
/// afresh (remembering the new id) when there is none yet or Teams no longer finds it.
/// </summary>
internal sealed class KaartPublisher(IConnectorClient connector, IKaartStore store, KaartCard kaartCard, ILogger<KaartPublisher> logger)
{
    public async Task<Kaart> PublishAsync(Kaart kaart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        Activity message = CardMessage(kaartCard.Build(kaart));
        if (kaart.CardActivityId is { } cardId)
        {
            try
            {
                await connector.UpdateActivityAsync(kaart.Location.ServiceUrl, kaart.Location.ThreadId, cardId, message, cancellationToken);
                return kaart;
            }
            catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                logger.KaartCardLost(Hash(kaart.Id));
            }
        }

        ResourceResponse posted = await connector.SendToConversationAsync(kaart.Location.ServiceUrl, kaart.Location.ThreadId, message, cancellationToken);
        return await RememberCardAsync(kaart, posted.Id, cancellationToken);
    }

    /// <summary>A copy of the current card as a new message, for <c>kaart</c>; the tracked card stays the same.</summary>
    public Task<ResourceResponse> PostCopyAsync(Kaart kaart, string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, conversationId, CardMessage(kaartCard.Build(kaart)), cancellationToken);

    public static Activity CardMessage(JsonObject card) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

    private async Task<Kaart> RememberCardAsync(Kaart kaart, string? cardId, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await store.UpdateKaartAsync(kaart with { CardActivityId = cardId }, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone confirmed or changed something meanwhile: keep their change, add the card id.
                kaart = await store.GetKaartAsync(kaart.Id, cancellationToken) ?? kaart;
            }
        }

        throw new ConcurrencyConflictException("The card id of the kaart could not be stored.");
    }

    private static string Hash(string id) => Bot.TurnKeyFactory.ForLog(id);
}
