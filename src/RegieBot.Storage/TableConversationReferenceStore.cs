using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RegieBot.Domain.Conversations;
using RegieBot.Domain.Privacy;

namespace RegieBot.Storage;

/// <summary>
/// Conversation references in Table Storage. Writes are conditional on the ETag read; a process-local
/// cache of what was last written keeps the steady state at zero storage requests per turn. The cache holds at most
/// <see cref="Capacity"/> conversations and starts afresh when full: each conversation then costs one read again,
/// and an instance that runs for months does not grow with every thread it ever saw.
/// </summary>
public sealed class TableConversationReferenceStore(RegieTables tables, ILogger<TableConversationReferenceStore> logger)
    : IConversationReferenceStore, ICasusDataEraser
{
    private readonly ConcurrentDictionary<string, ConversationReference> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>How many conversations the cache of what was last written holds before it starts afresh.</summary>
    internal int Capacity { get; init; } = 4096;

    private TableClient Table => tables.Get(RegieTables.Conversations);

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        string key = TableKey.Encode(conversationId);
        NullableResponse<ConversationReferenceEntity> response =
            await Table.GetEntityIfExistsAsync<ConversationReferenceEntity>(key, key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToReference() : null;
    }

    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Conversations];

    EraseStage ICasusDataEraser.Stage => EraseStage.BeforeKaart;

    /// <summary>
    /// Forgets the reference of the casus's thread. Only this instance's cache is cleared: another instance
    /// writes the reference again when its target changes or it restarts (a new kaart in the same thread stores
    /// what it needs itself).
    /// </summary>
    async Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        if (casus.ThreadId is not { Length: > 0 } threadId)
        {
            return 0;
        }

        _lastWritten.TryRemove(threadId, out _);
        string key = TableKey.Encode(threadId);
        return await TableErase.DeleteAsync(Table, key, key, ETag.All, cancellationToken);
    }

    public async Task<bool> RefreshAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_lastWritten.TryGetValue(reference.ConversationId, out ConversationReference? known) && known.SameTargetAs(reference))
        {
            return false;
        }

        ConversationReferenceEntity entity = ConversationReferenceEntity.From(reference);
        if (known is null)
        {
            // Not seen by this instance: most often a new conversation (every casus starts a thread), so the insert comes
            // first and costs one request; an existing one answers 409 and is read and compared as below.
            try
            {
                await Table.AddEntityAsync(entity, cancellationToken);
                Remember(reference);
                logger.ConversationReferenceStored(TableKey.Hash(reference.ConversationId)[..12], true);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
            }
        }

        ConversationReference? stored = await GetAsync(reference.ConversationId, cancellationToken);
        if (stored is not null && stored.SameTargetAs(reference))
        {
            Remember(reference);
            return false;
        }

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

            Remember(reference);
            logger.ConversationReferenceStored(TableKey.Hash(reference.ConversationId)[..12], stored is null);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Another instance stored this conversation's reference at the same moment, from an activity just as
            // recent as ours: its value is as good as ours, and the next activity refreshes it again anyway. Or an
            // erasure deleted it between our read and our replace (404): the erasure wins.
            logger.ConversationReferenceConflict(TableKey.Hash(reference.ConversationId)[..12]);
            return false;
        }
    }

    private void Remember(ConversationReference reference)
    {
        if (_lastWritten.Count >= Capacity && !_lastWritten.ContainsKey(reference.ConversationId))
        {
            _lastWritten.Clear();
        }

        _lastWritten[reference.ConversationId] = reference;
    }

    /// <summary>How many conversations the cache holds (for tests).</summary>
    internal int Remembered => _lastWritten.Count;
}
