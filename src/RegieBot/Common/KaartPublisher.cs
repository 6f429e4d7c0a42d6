using System.Net;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Common;

/// <summary>
/// Keeps the regiekaart card in its thread in step with what is stored: updated in place for everyone, and
/// posted afresh (remembering the new id) when there is none yet or Teams no longer finds it. Updates of one
/// kaart are serialised within an instance, and a snapshot that is not newer (by its seal revision) than the one
/// this instance last showed for the kaart is not shown again, so a burst of clicks ends with a card that shows
/// all of them.
/// </summary>
internal sealed class KaartPublisher(IConnectorClient connector, IKaartVersionStore store, IKaartCommitStore commits, KaartCard kaartCard, Bot.ServiceUrls serviceUrls, ILogger<KaartPublisher> logger)
{
    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new Stripe())];

    /// <summary>Re-renders the shared card from storage. Returns what it rendered, or null when the kaart is gone.</summary>
    public async Task<KaartSnapshot?> RefreshAsync(string kaartId, CancellationToken cancellationToken)
    {
        Stripe stripe = StripeOf(kaartId);
        await stripe.Gate.WaitAsync(cancellationToken);
        try
        {
            KaartSnapshot? snapshot = await commits.GetSnapshotAsync(kaartId, cancellationToken);
            return snapshot is null ? null : await ShowAsync(snapshot, cancellationToken);
        }
        finally
        {
            stripe.Gate.Release();
        }
    }

    /// <summary>A copy of the current card as a new message, for <c>kaart</c>; the tracked card stays the same.</summary>
    public JsonObject Copy(KaartSnapshot snapshot, string conversationId) => kaartCard.Copy(snapshot, conversationId);

    /// <summary>
    /// Updates one of the casus's other cards in place (a step, question or evaluation card) so that everyone sees the
    /// answer; the clicker already has it in the invoke response. A card that is gone or a bot that was removed is final
    /// and logged. Any other failure is thrown when <paramref name="retried"/> (the relay's
    /// <see cref="Domain.Outbox.OutboxEffect.CardUpdate"/>: the item stays and the sweep tries again), else logged too
    /// (a follow-up of a click, which nothing would try again: what was stored stays stored).
    /// </summary>
    public async Task UpdateCardAsync(string kaartId, string serviceUrl, string conversationId, string? activityId, JsonObject card, CancellationToken cancellationToken, bool retried = false)
    {
        if (activityId is null)
        {
            return;
        }

        try
        {
            string latest = await serviceUrls.LatestAsync(conversationId, serviceUrl, cancellationToken);
            await connector.UpdateActivityAsync(latest, conversationId, activityId, CardMessage(card), cancellationToken);
        }
        catch (ConnectorException ex) when (!retried || ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            logger.StepCardNotUpdated(Bot.TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
        }
    }

    public static Activity CardMessage(JsonObject card) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

    private Stripe StripeOf(string kaartId) => _stripes[(uint)StringComparer.Ordinal.GetHashCode(kaartId) % _stripes.Length];

    /// <summary>Renders and shows the card; the caller holds the stripe of the kaart.</summary>
    private async Task<KaartSnapshot> ShowAsync(KaartSnapshot snapshot, CancellationToken cancellationToken)
    {
        Kaart kaart = snapshot.Kaart;
        Activity message = CardMessage(kaartCard.Build(snapshot, viewerAadObjectId: null));
        KaartSnapshot shown = snapshot;
        bool updated = false;
        string serviceUrl = await serviceUrls.LatestAsync(kaart.Location.ThreadId, kaart.Location.ServiceUrl, cancellationToken);
        if (kaart.CardActivityId is { } cardId)
        {
            try
            {
                await connector.UpdateActivityAsync(serviceUrl, kaart.Location.ThreadId, cardId, message, cancellationToken);
                updated = true;
            }
            catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                logger.KaartCardLost(Bot.TurnKeyFactory.ForLog(kaart.Id));
            }
        }

        if (!updated)
        {
            ResourceResponse posted = await connector.SendToConversationAsync(serviceUrl, kaart.Location.ThreadId, message, cancellationToken);
            shown = snapshot with { Kaart = await RememberCardAsync(kaart, posted.Id, cancellationToken) };
        }

        return shown;
    }

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

    /// <summary>One lock for the kaarten whose id hashes to it: one card update of a kaart at a time.</summary>
    private sealed class Stripe
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
