using System.Net;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>
/// Keeps the regiekaart card in its thread in step with what is stored: updated in place for everyone, and
/// posted afresh (remembering the new id) when there is none yet or Teams no longer finds it. Updates of one
/// kaart are serialised within an instance and always render what is stored at that moment, so a burst of
/// clicks ends with a card that shows all of them.
/// </summary>
internal sealed class KaartPublisher(IConnectorClient connector, IKaartStore store, KaartCard kaartCard, ILogger<KaartPublisher> logger)
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Re-renders the shared card from storage. Returns what it rendered, or null when the kaart is gone.</summary>
    public async Task<KaartSnapshot?> RefreshAsync(string kaartId, CancellationToken cancellationToken)
    {
        SemaphoreSlim stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(kaartId) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaartId, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            Kaart kaart = snapshot.Kaart;
            Activity message = CardMessage(kaartCard.Build(snapshot, viewerAadObjectId: null));
            if (kaart.CardActivityId is { } cardId)
            {
                try
                {
                    await connector.UpdateActivityAsync(kaart.Location.ServiceUrl, kaart.Location.ThreadId, cardId, message, cancellationToken);
                    return snapshot;
                }
                catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    logger.KaartCardLost(Bot.TurnKeyFactory.ForLog(kaart.Id));
                }
            }

            ResourceResponse posted = await connector.SendToConversationAsync(kaart.Location.ServiceUrl, kaart.Location.ThreadId, message, cancellationToken);
            return snapshot with { Kaart = await RememberCardAsync(kaart, posted.Id, cancellationToken) };
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>A copy of the current card as a new message, for <c>kaart</c>; the tracked card stays the same.</summary>
    public Task<ResourceResponse> PostCopyAsync(KaartSnapshot snapshot, string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, conversationId, CardMessage(kaartCard.Build(snapshot, viewerAadObjectId: null)), cancellationToken);

    /// <summary>
    /// Updates one of the casus's other cards in place (a step, question or evaluation card) so that everyone sees the
    /// answer. The clicker already has it in the invoke response, so a card Teams cannot update (gone, bot removed, or
    /// still failing after the connector's retries) is logged, never thrown: what was stored stays stored.
    /// </summary>
    public async Task UpdateCardAsync(string kaartId, string serviceUrl, string conversationId, string? activityId, JsonObject card, CancellationToken cancellationToken)
    {
        if (activityId is null)
        {
            return;
        }

        try
        {
            await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, CardMessage(card), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.StepCardNotUpdated(Bot.TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
        }
    }

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
                // Saved again meanwhile: keep that change, add the card id.
                kaart = await store.GetKaartAsync(kaart.Id, cancellationToken) ?? kaart;
            }
        }

        throw new ConcurrencyConflictException("The card id of the kaart could not be stored.");
    }
}
