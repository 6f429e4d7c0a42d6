using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The <c>kaart</c> row and its versions (<c>v000001</c>, …).</summary>
public sealed partial class TableKaartStore : IKaartVersionStore
{
    public async Task<Kaart?> GetKaartAsync(string kaartId, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, kaartId, KaartRow, cancellationToken);
        return entity is null ? null : KaartEntity.ToKaart(entity);
    }

    public async Task<Kaart> SaveVersionAsync(Kaart kaart, DialogState? completedDialog, IReadOnlyList<OutboxItem> effects, string commitToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentException.ThrowIfNullOrEmpty(commitToken);
        TableEntity current = KaartEntity.ToTableEntity(kaart, KaartRow, commitToken);
        List<TableTransactionAction> actions =
        [
            kaart.ETag is null
                ? new(TableTransactionActionType.Add, current)
                : new(TableTransactionActionType.UpdateReplace, current, new ETag(kaart.ETag)),

            // Adding the version row is what makes two concurrent saves of the same version collide, everywhere.
            new(TableTransactionActionType.Add, KaartEntity.ToTableEntity(kaart, VersionRow(kaart.Version))),
            TouchSeal(current.PartitionKey),
        ];
        if (completedDialog is not null)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, DialogEntity.ToTableEntity(completedDialog), completedDialog.ETag is null ? ETag.All : new ETag(completedDialog.ETag)));
        }

        actions.AddRange(effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxItemEntity.ToTableEntity(current.PartitionKey, e))));
        try
        {
            Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(actions, cancellationToken);
            return kaart with { ETag = result.Value[0].Headers.ETag?.ToString() };
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // A conflict may be our own commit: it landed, its response was lost and the retry met what it wrote itself.
            return await OwnCommitAsync(kaart.Id, commitToken, cancellationToken)
                ?? throw new ConcurrencyConflictException("The kaart was saved by someone else first.", ex);
        }
        catch (RequestFailedException ex) when (ex is not TableTransactionFailedException && (ex.Status == 0 || ex.Status >= 500))
        {
            // No answer: the transaction happened entirely or not at all, and the kaart row says which.
            if (await OwnCommitAsync(kaart.Id, commitToken, cancellationToken) is { } own)
            {
                return own;
            }

            throw;
        }
    }

    private async Task<Kaart?> OwnCommitAsync(string kaartId, string commitToken, CancellationToken cancellationToken)
    {
        TableEntity? row = await GetAsync(Kaarten, kaartId, KaartRow, cancellationToken);
        return row is not null && TypedRow.Read<KaartEntity>(row).CommitToken == commitToken ? KaartEntity.ToKaart(row) : null;
    }

    public async Task<Kaart> UpdateKaartAsync(Kaart kaart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(kaart.ETag);
        TableEntity entity = KaartEntity.ToTableEntity(kaart, KaartRow);
        try
        {
            Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(
                [new(TableTransactionActionType.UpdateReplace, entity, new ETag(kaart.ETag)), TouchSeal(entity.PartitionKey)], cancellationToken);
            return kaart with { ETag = result.Value[0].Headers.ETag?.ToString() };
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException("The kaart was changed by someone else.", ex);
        }
    }

    public async Task<IReadOnlyList<Kaart>> GetVersionsAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        List<Kaart> versions = [];
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {"v"} and RowKey lt {"w"}");
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(KaartEntity.ToKaart(entity));
        }

        return versions;
    }

    public async IAsyncEnumerable<Kaart> ListActiveAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A filter names its column in its text: an interpolated name would be sent as a quoted value.
        string filter = TableClient.CreateQueryFilter($"RowKey eq {KaartRow} and Status eq {nameof(KaartStatus.Actief)}");
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return KaartEntity.ToKaart(entity);
        }
    }
}
