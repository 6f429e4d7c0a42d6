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
            return snapshot is null ? null : await ShowAsync(stripe, snapshot, cancellationToken);
        }
        finally
        {
            stripe.Gate.Release();
        }
    }

    /// <summary>
    /// Shows <paramref name="snapshot"/> — the current state right after a write conditional on its seal, such as a
    /// confirmation — on the shared card without reading it again. When this instance already showed the kaart at the
    /// same or a higher seal revision, that card was read after this snapshot's write and already holds it: it stays.
    /// Returns the snapshot (with the new card id when the card was posted afresh).
    /// </summary>
    public async Task<KaartSnapshot> PublishAsync(KaartSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Stripe stripe = StripeOf(snapshot.Kaart.Id);
        await stripe.Gate.WaitAsync(cancellationToken);
        try
        {
            if (stripe.Shown(snapshot.Kaart.Id) is { } shown && shown >= snapshot.Revision)
            {
                logger.KaartCardAlreadyNewer(Bot.TurnKeyFactory.ForLog(snapshot.Kaart.Id), shown, snapshot.Revision);
                return snapshot;
            }

            return await ShowAsync(stripe, snapshot, cancellationToken);
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
            string latest = await serviceUrls.LatestAsync(conversationId, serviceUrl, cancellationToken);
            await connector.UpdateActivityAsync(latest, conversationId, activityId, CardMessage(card), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.StepCardNotUpdated(Bot.TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
        }
    }

    /// <summary>
    /// The same for the relay (<see cref="Domain.Outbox.OutboxEffect.CardUpdate"/>): a card that is gone or a bot that was
    /// removed is final and logged; any other failure is thrown, so the item stays and the sweep tries again.
    /// </summary>
    public async Task ReplaceCardAsync(string kaartId, string serviceUrl, string conversationId, string activityId, JsonObject card, CancellationToken cancellationToken)
    {
        try
        {
            string latest = await serviceUrls.LatestAsync(conversationId, serviceUrl, cancellationToken);
            await connector.UpdateActivityAsync(latest, conversationId, activityId, CardMessage(card), cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            logger.StepCardNotUpdated(Bot.TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
        }
    }

    public static Activity CardMessage(JsonObject card) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

    private Stripe StripeOf(string kaartId) => _stripes[(uint)StringComparer.Ordinal.GetHashCode(kaartId) % _stripes.Length];

    /// <summary>Renders and shows the card; the caller holds the stripe of the kaart.</summary>
    private async Task<KaartSnapshot> ShowAsync(Stripe stripe, KaartSnapshot snapshot, CancellationToken cancellationToken)
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

        stripe.Remember(kaart.Id, snapshot.Revision);
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

    /// <summary>
    /// One lock for the kaarten whose id hashes to it, and the seal revision last shown per kaart, for the most recent
    /// <see cref="MaxRemembered"/> of them (touched only under the lock). A kaart no longer remembered is shown again.
    /// </summary>
    private sealed class Stripe
    {
        private const int MaxRemembered = 64;
        private readonly Dictionary<string, long> _shown = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long? Shown(string kaartId) => _shown.TryGetValue(kaartId, out long revision) ? revision : null;

        public void Remember(string kaartId, long revision)
        {
            if (_shown.TryGetValue(kaartId, out long known))
            {
                _shown[kaartId] = Math.Max(known, revision);
                return;
            }

            if (_order.Count == MaxRemembered)
            {
                _shown.Remove(_order.Dequeue());
            }

            _order.Enqueue(kaartId);
            _shown[kaartId] = revision;
        }
    }
}
