using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The snapshot behind the seal row, confirmations, proposals and the operations that commit against it.</summary>
public sealed partial class TableKaartStore : IKaartCommitStore
{
    private const int MaxConfirmAttempts = 16;
    private const int MaxConfirmBackoffMs = 1000;

    public async Task<KaartSnapshot?> GetSnapshotAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and (RowKey eq {KaartRow} or RowKey eq {SealRow} or RowKey eq {ConfirmationRequestRow} or (RowKey ge {ConfirmationPrefix} and RowKey lt {"c."}) or (RowKey ge {ProposalPrefix} and RowKey lt {"w."}) or (RowKey ge {EscalationPrefix} and RowKey lt {"o."}) or (RowKey ge {TableOutboxStore.ItemPrefix} and RowKey lt {"x."}))");
        Kaart? kaart = null;
        DateTimeOffset? pendingCard = null;
        SealEntity? seal = null;
        List<Confirmation> confirmations = [];
        List<ChangeProposal> proposals = [];
        ConfirmationRequest? request = null;
        List<Escalation> escalations = [];
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == KaartRow)
            {
                kaart = KaartEntity.ToKaart(entity);
            }
            else if (entity.RowKey == SealRow)
            {
                seal = TypedRow.Read<SealEntity>(entity);
            }
            else if (entity.RowKey.StartsWith(EscalationPrefix, StringComparison.Ordinal))
            {
                escalations.Add(TypedRow.Read<EscalationEntity>(entity).ToEscalation());
            }
            else if (entity.RowKey == ConfirmationRequestRow)
            {
                request = entity.GetDateTimeOffset(RequestedAtColumn) is { } at ? new ConfirmationRequest(at) { ETag = entity.ETag.ToString() } : null;
            }
            else if (entity.RowKey.StartsWith(ConfirmationPrefix, StringComparison.Ordinal))
            {
                confirmations.Add(ConfirmationEntity.ToConfirmation(entity));
            }
            else if (entity.RowKey.StartsWith(TableOutboxStore.ItemPrefix, StringComparison.Ordinal))
            {
                OutboxItem item = OutboxItemEntity.ToItem(entity);
                if (item.Effect is OutboxEffect.KaartCard or OutboxEffect.CardUpdate && item.CommittedAt is { } at && (pendingCard is null || at < pendingCard))
                {
                    pendingCard = at;
                }
            }
            else
            {
                proposals.Add(ProposalEntity.ToProposal(entity));
            }
        }

        return kaart is null
            ? null
            : new KaartSnapshot(kaart, confirmations, [.. proposals.OrderBy(p => p.At)])
            {
                Revision = seal?.Revision ?? 0,
                SealETag = seal?.ETag.ToString(),
                PendingCardSince = pendingCard,
                ConfirmationRequest = request,
                Escalations = escalations,
            };
    }

    public async Task<ConfirmOutcome> ConfirmAsync(KaartSnapshot snapshot, Confirmation confirmation, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(effects);
        string kaartId = snapshot.Kaart.Id;
        string pk = TableKey.Encode(kaartId);
        TableEntity entity = ConfirmationEntity.ToTableEntity(pk, confirmation);
        KaartSnapshot current = snapshot;
        for (int attempt = 1; ; attempt++)
        {
            Confirmation? known = current.Confirmations.FirstOrDefault(c => c.ProfessionalId == confirmation.ProfessionalId);
            if (known is not null && known.AadObjectId == confirmation.AadObjectId && known.RoleFingerprint == confirmation.RoleFingerprint)
            {
                return new ConfirmOutcome(current, Recorded: false);   // a double click or a redelivered invoke
            }

            long revision = current.Revision + 1;
            TableEntity seal = SealEntity.ToTableEntity(pk, revision);
            TableTransactionAction[] actions =
            [
                known?.ETag is { Length: > 0 } etag
                    ? new(TableTransactionActionType.UpdateReplace, entity, new ETag(etag))
                    : new(TableTransactionActionType.Add, entity),
                current.SealETag is { Length: > 0 } sealETag
                    ? new(TableTransactionActionType.UpdateReplace, seal, new ETag(sealETag))
                    : new(TableTransactionActionType.Add, seal),
                .. effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxItemEntity.ToTableEntity(pk, e))),
            ];
            try
            {
                Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(actions, cancellationToken);

                // The seal was unchanged, so nothing else changed since the snapshot was read: with this confirmation it is current.
                Confirmation stored = confirmation with { ETag = result.Value[0].Headers.ETag?.ToString() };
                return new ConfirmOutcome(
                    current with
                    {
                        Confirmations = [.. current.Confirmations.Where(c => c.ProfessionalId != confirmation.ProfessionalId), stored],
                        Revision = revision,
                        SealETag = result.Value[1].Headers.ETag?.ToString(),
                    },
                    Recorded: true);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound or 0 or >= 500)
            {
                // Someone confirmed, proposed or saved since the snapshot was read — or the write had no answer and may
                // have landed (the read then finds this very confirmation): read again and decide again.
                if (attempt == MaxConfirmAttempts)
                {
                    throw new ConcurrencyConflictException($"The confirmation could not be stored after {MaxConfirmAttempts} attempts.", ex);
                }
            }

            // Every confirmation of a kaart writes the one seal, so many at once take turns: a random, growing pause spreads them.
            int backoffMs = Math.Min(MaxConfirmBackoffMs, 5 << attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(backoffMs / 4, backoffMs)), time, cancellationToken);

            current = await GetSnapshotAsync(kaartId, cancellationToken)
                ?? throw new ConcurrencyConflictException("The kaart was erased while a role was being confirmed.");
        }
    }

    public async Task<Kaart?> CommitAsync(KaartCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrEmpty(commit.Token);
        string pk = TableKey.Encode(commit.KaartId);
        List<TableTransactionAction> actions = [];
        (string Row, bool Conditional)? anchor = null;
        if (commit.Kaart is { } kaart)
        {
            ArgumentNullException.ThrowIfNull(kaart.ETag);
            TableEntity row = KaartEntity.ToTableEntity(kaart, KaartRow, commit.Token);
            actions.Add(new(TableTransactionActionType.UpdateReplace, row, new ETag(kaart.ETag)));
            anchor = (KaartRow, true);
        }

        if (commit.Proposal is { } proposal)
        {
            TableEntity row = ProposalEntity.ToTableEntity(pk, proposal, commit.Token);
            actions.Add(new(TableTransactionActionType.Add, row));
            anchor ??= (row.RowKey, true);
        }

        if (commit.Escalation is { } escalation)
        {
            EscalationEntity row = EscalationEntity.From(pk, escalation, commit.Token);
            actions.Add(new(TableTransactionActionType.Add, row));
            anchor ??= (row.RowKey, true);
        }

        if (commit.ConfirmationRequest is { } asked)
        {
            // Conditional both ways: a first request only while there is none, a later one only while the last is as read.
            TableEntity row = new(pk, ConfirmationRequestRow) { [RequestedAtColumn] = asked.At, [CommitTokenColumn] = commit.Token };
            actions.Add(asked.ETag is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, new ETag(asked.ETag)));
            anchor ??= (ConfirmationRequestRow, true);
        }

        if (commit.Kaart is not null || commit.Proposal is not null)
        {
            actions.Add(TouchSeal(pk));   // a confirmation read before this commit reads again
        }

        actions.AddRange(commit.Effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxItemEntity.ToTableEntity(pk, e))));
        if (actions.Count == 0)
        {
            return null;
        }

        // Only upserts: a lost response is harmless, the same transaction again writes the same rows.
        anchor ??= (TableOutboxStore.ItemPrefix + TableKey.Encode(commit.Effects[0].Id), false);
        try
        {
            Response<IReadOnlyList<Response>> result = await Kaarten.SubmitTransactionAsync(actions, cancellationToken);
            return commit.Kaart is { } stored ? stored with { ETag = result.Value[0].Headers.ETag?.ToString() } : null;
        }
        catch (TableTransactionFailedException ex) when (anchor.Value.Conditional
            && ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // A conflict may be our own commit: it landed, its response was lost and the retry met what it wrote itself.
            return await OwnRowAsync(pk, anchor.Value.Row, commit.Token, cancellationToken) is { } own
                ? (commit.Kaart is null ? null : KaartEntity.ToKaart(own))
                : throw new ConcurrencyConflictException("The kaart was changed by someone else first.", ex);
        }
        catch (RequestFailedException ex) when (ex is not TableTransactionFailedException && (ex.Status == 0 || ex.Status >= 500))
        {
            // No answer: the transaction happened entirely or not at all, and its anchor row says which.
            if (await OwnRowAsync(pk, anchor.Value.Row, commit.Token, cancellationToken) is { } own)
            {
                return commit.Kaart is null ? null : KaartEntity.ToKaart(own);
            }

            throw;
        }
    }

    private async Task<TableEntity?> OwnRowAsync(string pk, string row, string token, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, TableKey.Decode(pk), row, cancellationToken);
        return entity is not null && (row.StartsWith(TableOutboxStore.ItemPrefix, StringComparison.Ordinal) || entity.GetString(CommitTokenColumn) == token) ? entity : null;
    }
}
