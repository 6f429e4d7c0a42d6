using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RegieBot.Domain.Conversations;

namespace RegieBot.Storage;

/// <summary>
/// Conversation references in Table Storage. Writes are conditional on the ETag read; a process-local
/// cache of what was last written keeps the steady state at zero storage requests per turn.
/// </summary>
public sealed class TableConversationReferenceStore(RegieTables tables, ILogger<TableConversationReferenceStore> logger)
    : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _lastWritten = new(StringComparer.Ordinal);

    private TableClient Table => tables.Get(RegieTables.Conversations);

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        string key = TableKey.Encode(conversationId);
        NullableResponse<ConversationReferenceEntity> response =
            await Table.GetEntityIfExistsAsync<ConversationReferenceEntity>(key, key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToReference() : null;
    }

    public async Task<bool> RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_lastWritten.TryGetValue(reference.ConversationId, out ConversationReference? known) && known.SameTargetAs(reference))
        {
            return false;
        }

        ConversationReference? stored = await GetAsync(reference.ConversationId, cancellationToken);
        if (stored is not null && stored.SameTargetAs(reference))
        {
            _lastWritten[reference.ConversationId] = reference;
            return false;
        }

        ConversationReferenceEntity entity = ConversationReferenceEntity.From(reference);
        try
        {
            if (stored is null)
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, new ETag(stored.Version!), TableUpdateMode.Replace, cancellationToken);
            }

            _lastWritten[reference.ConversationId] = reference;
            logger.ConversationReferenceStored(TableKey.Hash(reference.ConversationId)[..12], stored is null);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // Another instance stored this conversation's reference at the same moment, from an activity just as
            // recent as ours: its value is as good as ours, and the next activity refreshes it again anyway.
            logger.ConversationReferenceConflict(TableKey.Hash(reference.ConversationId)[..12]);
            return false;
        }
    }
}
