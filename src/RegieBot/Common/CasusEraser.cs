using System.Net;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Common;

/// <summary>
/// Deletes everything of one casus, everywhere: first the bot's messages in Teams are replaced by a short
/// notice (their ids are part of the casus), then every registered <see cref="ICasusDataEraser"/> runs, stage by
/// stage, so a failure halfway leaves what a retry needs. When Teams throttles or does not answer, nothing is erased
/// and the failure surfaces: the caller's tombstone (or retention entry) stays and a retry finishes the rest. The one place through which <c>verwijderen</c>, the
/// retention job and a cancelled new kaart erase.
/// </summary>
internal sealed class CasusEraser(
    ICasusRecordStore store,
    IEnumerable<ICasusDataEraser> erasers,
    IConnectorClient connector,
    RemovedCard removedCard,
    ILogger<CasusEraser> logger,
    ServiceUrls serviceUrls)
{
    /// <summary>Passes over the footprint at most: a writer that raced the first pass has left its row by the second.</summary>
    internal const int MaxPasses = 3;

    private readonly ICasusDataEraser[] _erasers = [.. erasers.OrderBy(e => e.Stage)];

    /// <param name="notice">What the bot's messages about the casus say instead; it names nothing of the casus.</param>
    /// <param name="keepActivityId">A message the caller updates itself (e.g. the card that was clicked), left alone.</param>
    /// <returns>How many records were deleted.</returns>
    public async Task<int> EraseAsync(string kaartId, string notice, string? keepActivityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kaartId);
        CasusFootprint footprint = await store.GetFootprintAsync(kaartId, cancellationToken) ?? new CasusFootprint(kaartId);
        HashSet<string> replacedIds = new(StringComparer.Ordinal);
        int replaced = 0;
        int deleted = 0;
        for (int pass = 1; ; pass++)
        {
            replaced += await ReplaceMessagesAsync(footprint, notice, keepActivityId, replacedIds, cancellationToken);
            foreach (ICasusDataEraser eraser in _erasers)
            {
                deleted += await eraser.EraseAsync(footprint, cancellationToken);
            }

            // A writer that read the casus before the erasure began may still write after the partition was deleted (a
            // post's record, with the id of a message that shows the casus): the footprint is read again until a pass
            // finds nothing. Where the casus lived is kept from the first read, which the new rows may not repeat.
            if (await store.GetFootprintAsync(kaartId, cancellationToken) is not { } left)
            {
                break;
            }

            if (pass == MaxPasses)
            {
                // The tombstone (or retention entry) stays: the sweep erases again later.
                throw new InvalidOperationException($"Rows of the casus were still written after {MaxPasses} erasure passes.");
            }

            logger.CasusErasedAgain(TurnKeyFactory.ForLog(kaartId), pass + 1, left.Messages.Count);
            footprint = left with
            {
                ThreadId = left.ThreadId ?? footprint.ThreadId,
                ServiceUrl = left.ServiceUrl ?? footprint.ServiceUrl,
                TeamId = left.TeamId ?? footprint.TeamId,
            };
        }

        logger.CasusErased(TurnKeyFactory.ForLog(kaartId), deleted, replaced, _erasers.Length);
        return deleted;
    }

    private async Task<int> ReplaceMessagesAsync(CasusFootprint footprint, string notice, string? keepActivityId, HashSet<string> replacedIds, CancellationToken cancellationToken)
    {
        if (footprint.ServiceUrl is not { } recorded)
        {
            return 0;
        }

        // Read before the erasers run: the thread's conversation reference is part of what they delete.
        string serviceUrl = await serviceUrls.LatestAsync(footprint.ThreadId ?? string.Empty, recorded, cancellationToken);
        Activity card = KaartPublisher.CardMessage(removedCard.Build(notice));
        Activity text = new() { Type = ActivityTypes.Message, Text = CasusTexts.RemovedText(notice), TextFormat = "plain" };
        PostedMessage[] messages = [.. footprint.Messages.Where(m => m.ActivityId != keepActivityId && !replacedIds.Contains(m.ActivityId))];
        List<PostedMessage> done = [];
        foreach (PostedMessage message in messages)
        {
            try
            {
                await connector.UpdateActivityAsync(serviceUrl, message.ConversationId, message.ActivityId, message.IsCard ? card : text, cancellationToken);
                done.Add(message);
                replacedIds.Add(message.ActivityId);
            }
            catch (ConnectorException ex) when (IsFinal(ex))
            {
                // The data goes regardless: a message Teams lost, or a bot that was removed, must not keep it.
                logger.CasusMessageNotReplaced(TurnKeyFactory.ForLog(footprint.KaartId), (int)ex.StatusCode);
                done.Add(message);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
            {
                // Throttled (429 after the retries) or Teams not answering: nothing is erased yet, so the tombstone and the
                // ids of the messages left stay for the retry; those already replaced are remembered and not replaced again.
                logger.CasusMessagesReplaceLater(TurnKeyFactory.ForLog(footprint.KaartId), (int)((ex as ConnectorException)?.StatusCode ?? 0), done.Count, messages.Length - done.Count);
                await store.RecordReplacedMessagesAsync(footprint.KaartId, done, cancellationToken);
                throw;
            }
        }

        return done.Count;
    }

    /// <summary>A message that cannot ever be replaced: gone (404), the bot removed (403), refused as it is (400), or a serviceUrl never called.</summary>
    private static bool IsFinal(ConnectorException ex) =>
        ex is UntrustedServiceUrlException || ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest;
}
