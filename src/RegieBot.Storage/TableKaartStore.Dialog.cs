using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The <c>dialog</c> row and the thread row a start claims.</summary>
public sealed partial class TableKaartStore : IDialogStore
{
    /// <remarks>
    /// The thread row is claimed first and the dialog follows in one transaction with its outbox, so the start makes two
    /// requests. A start that crashes between the two leaves a thread row with nothing behind it, which the next start in
    /// the thread takes over (and <c>verwijderen</c> clears); no dialog is ever left that no thread points to.
    /// </remarks>
    public async Task<DialogState> CreateDialogAsync(DialogState dialog, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(effects);
        KaartThreadEntity thread = KaartThreadEntity.From(dialog.Location.ThreadId, dialog.KaartId, dialog.Casus, saved: false);
        try
        {
            await Threads.AddEntityAsync(thread, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            await ClaimTakenThreadAsync(thread, ex, cancellationToken);
        }

        TableEntity row = DialogEntity.ToTableEntity(dialog);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, row),
            .. effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxItemEntity.ToTableEntity(row.PartitionKey, e))),
        ];
        try
        {
            Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(actions, cancellationToken);
            return dialog with { ETag = result.Value[0].Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or 0 or >= 500)
        {
            // The kaart id is new, so a dialog already there is our own transaction: it landed and its response was lost.
            return await OwnDialogWriteAsync(dialog with { ETag = null }, cancellationToken) ?? throw new ConcurrencyConflictException("The dialog could not be stored.", ex);
        }
    }

    /// <summary>
    /// The thread row exists. It is ours when our own insert landed and only its response was lost (the SDK retried);
    /// it is taken over when nothing is behind it (no kaart, and no dialog or a cancelled one). Anything else is a casus of the thread.
    /// </summary>
    private async Task ClaimTakenThreadAsync(KaartThreadEntity thread, RequestFailedException conflict, CancellationToken cancellationToken)
    {
        string threadId = TableKey.Decode(thread.RowKey);
        KaartThreadEntity? existing = await GetAsync<KaartThreadEntity>(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
        string? existingKaart = existing?.KaartId;
        if (existing is null)
        {
            await Threads.UpsertEntityAsync(thread, TableUpdateMode.Replace, cancellationToken);   // erased meanwhile
            return;
        }

        if (existingKaart == thread.KaartId)
        {
            return;
        }

        // A new kaart cancelled before its first version is being erased: its thread is free again.
        if (existing.Saved || existingKaart is null
            || await GetAsync(Kaarten, existingKaart, DialogRow, cancellationToken) is { } other && TypedRow.Read<DialogEntity>(other).Status != nameof(DialogStatus.Cancelled)
            || await GetAsync(Kaarten, existingKaart, KaartRow, cancellationToken) is not null)
        {
            throw new ConcurrencyConflictException("The thread already has a kaart.", conflict);
        }

        try
        {
            await Threads.UpdateEntityAsync(thread, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException("The thread was taken meanwhile.", ex);
        }
    }

    public async Task<DialogState?> GetDialogAsync(string kaartId, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, kaartId, DialogRow, cancellationToken);
        return entity is null ? null : DialogEntity.ToDialog(entity);
    }

    public Task<DialogState> SaveDialogAsync(DialogState dialog, CancellationToken cancellationToken) =>
        SaveDialogAsync(dialog, [], cancellationToken);

    public async Task<DialogState> SaveDialogAsync(DialogState dialog, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(effects);
        TableEntity entity = DialogEntity.ToTableEntity(dialog);
        try
        {
            if (effects.Count > 0)
            {
                // The dialog and what follows from it (the shared step card's update) in one transaction.
                Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(
                    [
                        dialog.ETag is null
                            ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)
                            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(dialog.ETag)),
                        .. effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxItemEntity.ToTableEntity(entity.PartitionKey, e))),
                    ],
                    cancellationToken);
                return dialog with { ETag = result.Value[0].Headers.ETag?.ToString() };
            }

            Response response = dialog.ETag is null
                ? await Kaarten.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                : await Kaarten.UpdateEntityAsync(entity, new ETag(dialog.ETag), TableUpdateMode.Replace, cancellationToken);
            return dialog with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // A conflict may be our own write: it landed, its response was lost and the SDK's retry met it.
            return await OwnDialogWriteAsync(dialog, cancellationToken)
                ?? throw new ConcurrencyConflictException("The dialog was changed by someone else.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 0 || ex.Status >= 500)
        {
            if (await OwnDialogWriteAsync(dialog, cancellationToken) is { } own)
            {
                return own;
            }

            throw;
        }
    }

    /// <summary>The stored dialog, when it is the one just written: same revision, step, status, author, moment and draft.</summary>
    private async Task<DialogState?> OwnDialogWriteAsync(DialogState written, CancellationToken cancellationToken)
    {
        DialogState? stored = await GetDialogAsync(written.KaartId, cancellationToken);
        return stored is not null && stored.Revision == written.Revision && stored.Step == written.Step && stored.Status == written.Status
            && stored.UpdatedAt == written.UpdatedAt && stored.LastEditedBy == written.LastEditedBy && stored.CardActivityId == written.CardActivityId
            && System.Text.Json.JsonSerializer.Serialize(stored.Draft, StorageJsonContext.Default.KaartContent) == System.Text.Json.JsonSerializer.Serialize(written.Draft, StorageJsonContext.Default.KaartContent)
            ? stored
            : null;
    }
}
