using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Privacy;

namespace RegieBot.Storage;

/// <summary>
/// Kaarten in Table Storage. One partition per kaart holds its current row (<c>kaart</c>), its dialog
/// (<c>dialog</c>) and its versions (<c>v000001</c>, …), so a version is saved in one transaction.
/// <c>Threads</c> maps channel threads to kaarten (partition: the channel); <c>MemberIndex</c> maps linked
/// professionals to their kaarten (partition: the Entra object id). The kaart partition also holds the
/// confirmations (<c>c-…</c>), proposals (<c>w-…</c>) and the bot's messages that show the casus (<c>m-…</c>);
/// the close record is part of the <c>kaart</c> row. Erasing a casus removes all of it.
/// The seal row (<c>c</c>) guards what <see cref="GetSnapshotAsync"/> reads: every write to the kaart row, a
/// confirmation or a proposal writes it in the same transaction, so a write conditional on the seal's ETag succeeds
/// only while a snapshot is current. Its <c>Revision</c> goes up by one with each confirmation.
/// </summary>
public sealed class TableKaartStore(RegieTables tables, TimeProvider time) : IKaartStore, ICasusDataEraser
{
    private const string KaartRow = "kaart";
    private const string SealRow = "c";   // sorts before the confirmations' range ["c-", "c.")
    private const string SealRevision = "Revision";
    private const string DialogRow = "dialog";
    private const string Content = "Content";
    private const string ConfirmationPrefix = "c-";
    private const string ProposalPrefix = "w-";
    private const string MessagePrefix = "m-";
    private const string EscalationPrefix = "o-";
    private const string ReplacedPrefix = "r-";
    private const int MaxConfirmAttempts = 16;
    private const int MaxConfirmBackoffMs = 1000;
    private const string CommitTokenColumn = "CommitToken";

    private TableClient Kaarten => tables.Get(RegieTables.Kaarten);

    private TableClient Threads => tables.Get(RegieTables.Threads);

    private TableClient Members => tables.Get(RegieTables.MemberIndex);

    private TableClient Teams => tables.Get(RegieTables.TeamIndex);

    /// <remarks>
    /// The thread row is claimed first and the dialog follows in one transaction with its outbox, so the start makes two
    /// requests. A start that crashes between the two leaves a thread row with nothing behind it, which the next start in
    /// the thread takes over (and <c>verwijderen</c> clears); no dialog is ever left that no thread points to.
    /// </remarks>
    public async Task<DialogState> CreateDialogAsync(DialogState dialog, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(effects);
        TableEntity thread = ThreadEntity(dialog.Location.ThreadId, dialog.KaartId, dialog.Casus, saved: false);
        try
        {
            await Threads.AddEntityAsync(thread, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            await ClaimTakenThreadAsync(thread, ex, cancellationToken);
        }

        TableEntity row = ToEntity(dialog);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, row),
            .. effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableOutboxStore.ToEntity(row.PartitionKey, e))),
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
    private async Task ClaimTakenThreadAsync(TableEntity thread, RequestFailedException conflict, CancellationToken cancellationToken)
    {
        string threadId = TableKey.Decode(thread.RowKey);
        TableEntity? existing = await GetAsync(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
        string? existingKaart = existing?.GetString("KaartId");
        if (existing is null)
        {
            await Threads.UpsertEntityAsync(thread, TableUpdateMode.Replace, cancellationToken);   // erased meanwhile
            return;
        }

        if (existingKaart == thread.GetString("KaartId"))
        {
            return;
        }

        // A new kaart cancelled before its first version is being erased: its thread is free again.
        if (existing.GetBoolean("Saved") == true || existingKaart is null
            || await GetAsync(Kaarten, existingKaart, DialogRow, cancellationToken) is { } other && other.GetString("Status") != nameof(DialogStatus.Cancelled)
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
        return entity is null ? null : ToDialog(entity);
    }

    public async Task<DialogState> SaveDialogAsync(DialogState dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        TableEntity entity = ToEntity(dialog);
        try
        {
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

    public async Task<Kaart?> GetKaartAsync(string kaartId, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, kaartId, KaartRow, cancellationToken);
        return entity is null ? null : ToKaart(entity);
    }

    public async Task<Kaart> SaveVersionAsync(Kaart kaart, DialogState? completedDialog, IReadOnlyList<OutboxItem> effects, string commitToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentException.ThrowIfNullOrEmpty(commitToken);
        TableEntity current = ToEntity(kaart, KaartRow);
        current[CommitTokenColumn] = commitToken;
        List<TableTransactionAction> actions =
        [
            kaart.ETag is null
                ? new(TableTransactionActionType.Add, current)
                : new(TableTransactionActionType.UpdateReplace, current, new ETag(kaart.ETag)),

            // Adding the version row is what makes two concurrent saves of the same version collide, everywhere.
            new(TableTransactionActionType.Add, ToEntity(kaart, VersionRow(kaart.Version))),
            TouchSeal(current.PartitionKey),
        ];
        if (completedDialog is not null)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, ToEntity(completedDialog), completedDialog.ETag is null ? ETag.All : new ETag(completedDialog.ETag)));
        }

        actions.AddRange(effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableOutboxStore.ToEntity(current.PartitionKey, e))));
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
        return row is not null && row.GetString(CommitTokenColumn) == commitToken ? ToKaart(row) : null;
    }

    public async Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removedMembers);
        if (await GetKaartAsync(kaartId, cancellationToken) is not { } kaart)
        {
            return;   // erased meanwhile: nothing may point to it again
        }

        await UpdateIndexesAsync(kaart, removedMembers, cancellationToken);
    }

    public async Task<Kaart> UpdateKaartAsync(Kaart kaart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(kaart.ETag);
        TableEntity entity = ToEntity(kaart, KaartRow);
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
            versions.Add(ToKaart(entity));
        }

        return versions;
    }

    public async Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        TableEntity? entity = await GetAsync(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
        return entity is null ? null : ToThread(entity);
    }

    public async Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(channelId);
        List<ThreadKaart> threads = [];
        await foreach (TableEntity entity in Threads.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            threads.Add(ToThread(entity));
        }

        return threads;
    }

    public Task<IReadOnlyList<MemberKaart>> ListByMemberAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ListIndexAsync(Members, aadObjectId, cancellationToken);

    public Task<IReadOnlyList<MemberKaart>> ListByTeamAsync(string teamId, CancellationToken cancellationToken) =>
        ListIndexAsync(Teams, teamId, cancellationToken);

    private static TableEntity IndexEntry(string partition, Kaart kaart) => new(TableKey.Encode(partition), TableKey.Encode(kaart.Id))
    {
        ["Casus"] = kaart.Casus,
        ["Evaluatiedatum"] = FormatDate(kaart.Content.Evaluatiedatum),
        ["Status"] = kaart.Status.ToString(),
        ["ThreadId"] = kaart.Location.ThreadId,
    };

    private static async Task<IReadOnlyList<MemberKaart>> ListIndexAsync(TableClient index, string partition, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(partition);
        List<MemberKaart> kaarten = [];
        await foreach (TableEntity entity in index.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            kaarten.Add(new MemberKaart(
                TableKey.Decode(entity.RowKey),
                entity.GetString("Casus") ?? string.Empty,
                ParseDate(entity.GetString("Evaluatiedatum")),
                Enum.Parse<KaartStatus>(entity.GetString("Status") ?? nameof(KaartStatus.Actief)),
                entity.GetString("ThreadId") ?? string.Empty));
        }

        return kaarten;
    }

    public async IAsyncEnumerable<Kaart> ListActiveAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"RowKey eq {KaartRow} and Status eq {nameof(KaartStatus.Actief)}");
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToKaart(entity);
        }
    }

    public async Task<KaartSnapshot?> GetSnapshotAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and (RowKey eq {KaartRow} or RowKey eq {SealRow} or (RowKey ge {ConfirmationPrefix} and RowKey lt {"c."}) or (RowKey ge {ProposalPrefix} and RowKey lt {"w."}))");
        Kaart? kaart = null;
        TableEntity? seal = null;
        List<Confirmation> confirmations = [];
        List<ChangeProposal> proposals = [];
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == KaartRow)
            {
                kaart = ToKaart(entity);
            }
            else if (entity.RowKey == SealRow)
            {
                seal = entity;
            }
            else if (entity.RowKey.StartsWith(ConfirmationPrefix, StringComparison.Ordinal))
            {
                confirmations.Add(ToConfirmation(entity));
            }
            else
            {
                proposals.Add(new ChangeProposal(
                    entity.RowKey[ProposalPrefix.Length..],
                    entity.GetString("ProposedBy") ?? string.Empty,
                    entity.GetString("ProfessionalId"),
                    entity.GetString("Text") ?? string.Empty,
                    entity.GetDateTimeOffset("At") ?? default));
            }
        }

        return kaart is null
            ? null
            : new KaartSnapshot(kaart, confirmations, [.. proposals.OrderBy(p => p.At)])
            {
                Revision = seal?.GetInt64(SealRevision) ?? 0,
                SealETag = seal?.ETag.ToString(),
            };
    }

    public async Task<ConfirmOutcome> ConfirmAsync(KaartSnapshot snapshot, Confirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(confirmation);
        string kaartId = snapshot.Kaart.Id;
        string pk = TableKey.Encode(kaartId);
        TableEntity entity = new(pk, ConfirmationPrefix + TableKey.Encode(confirmation.ProfessionalId))
        {
            ["ProfessionalId"] = confirmation.ProfessionalId,
            ["AadObjectId"] = confirmation.AadObjectId,
            ["ConfirmedAt"] = confirmation.ConfirmedAt,
            ["RoleFingerprint"] = confirmation.RoleFingerprint,
        };
        KaartSnapshot current = snapshot;
        for (int attempt = 1; ; attempt++)
        {
            Confirmation? known = current.Confirmations.FirstOrDefault(c => c.ProfessionalId == confirmation.ProfessionalId);
            if (known is not null && known.AadObjectId == confirmation.AadObjectId && known.RoleFingerprint == confirmation.RoleFingerprint)
            {
                return new ConfirmOutcome(current, Recorded: false);   // a double click or a redelivered invoke
            }

            long revision = current.Revision + 1;
            TableEntity seal = new(pk, SealRow) { [SealRevision] = revision };
            TableTransactionAction[] actions =
            [
                known?.ETag is { Length: > 0 } etag
                    ? new(TableTransactionActionType.UpdateReplace, entity, new ETag(etag))
                    : new(TableTransactionActionType.Add, entity),
                current.SealETag is { Length: > 0 } sealETag
                    ? new(TableTransactionActionType.UpdateReplace, seal, new ETag(sealETag))
                    : new(TableTransactionActionType.Add, seal),
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
            TableEntity row = ToEntity(kaart, KaartRow);
            row[CommitTokenColumn] = commit.Token;
            actions.Add(new(TableTransactionActionType.UpdateReplace, row, new ETag(kaart.ETag)));
            anchor = (KaartRow, true);
        }

        if (commit.Proposal is { } proposal)
        {
            TableEntity row = new(pk, ProposalPrefix + TableKey.Encode(proposal.Id))
            {
                ["ProposedBy"] = proposal.ProposedBy,
                ["ProfessionalId"] = proposal.ProfessionalId,
                ["Text"] = proposal.Text,
                ["At"] = proposal.At,
                [CommitTokenColumn] = commit.Token,
            };
            actions.Add(new(TableTransactionActionType.Add, row));
            anchor ??= (row.RowKey, true);
        }

        if (commit.Escalation is { } escalation)
        {
            TableEntity row = EscalationEntity(pk, escalation);
            row[CommitTokenColumn] = commit.Token;
            actions.Add(new(TableTransactionActionType.Add, row));
            anchor ??= (row.RowKey, true);
        }

        if (commit.Kaart is not null || commit.Proposal is not null)
        {
            actions.Add(TouchSeal(pk));   // a confirmation read before this commit reads again
        }

        actions.AddRange(commit.Effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableOutboxStore.ToEntity(pk, e))));
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
                ? (commit.Kaart is null ? null : ToKaart(own))
                : throw new ConcurrencyConflictException("The kaart was changed by someone else first.", ex);
        }
        catch (RequestFailedException ex) when (ex is not TableTransactionFailedException && (ex.Status == 0 || ex.Status >= 500))
        {
            // No answer: the transaction happened entirely or not at all, and its anchor row says which.
            if (await OwnRowAsync(pk, anchor.Value.Row, commit.Token, cancellationToken) is { } own)
            {
                return commit.Kaart is null ? null : ToKaart(own);
            }

            throw;
        }
    }

    private async Task<TableEntity?> OwnRowAsync(string pk, string row, string token, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, TableKey.Decode(pk), row, cancellationToken);
        return entity is not null && (row.StartsWith(TableOutboxStore.ItemPrefix, StringComparison.Ordinal) || entity.GetString(CommitTokenColumn) == token) ? entity : null;
    }

    public async Task<RecordedPost?> GetPostAsync(string kaartId, string postId, CancellationToken cancellationToken)
    {
        TableEntity? entity = await GetAsync(Kaarten, kaartId, PostRow(postId), cancellationToken);
        return entity is null ? null : ToPost(kaartId, postId, entity);
    }

    public async Task<RecordedPost> BeginPostAsync(string kaartId, string postId, string conversationId, CancellationToken cancellationToken)
    {
        TableEntity entity = new(TableKey.Encode(kaartId), PostRow(postId))
        {
            ["ConversationId"] = conversationId,
            ["ActivityId"] = null,
            ["IsCard"] = true,
        };
        Response response = await Kaarten.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return new RecordedPost(kaartId, postId, conversationId, null, response.Headers.ETag?.ToString());
    }

    public async Task<bool> CompletePostAsync(RecordedPost post, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        TableEntity entity = new(TableKey.Encode(post.KaartId), PostRow(post.PostId))
        {
            ["ConversationId"] = post.ConversationId,
            ["ActivityId"] = activityId,
            ["IsCard"] = true,
        };
        try
        {
            await Kaarten.UpdateEntityAsync(entity, post.ETag is null ? ETag.All : new ETag(post.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Erased meanwhile (a 412: erased and begun again by a repeat of this post, which completes it itself).
            return ex.Status == (int)HttpStatusCode.PreconditionFailed && await GetPostAsync(post.KaartId, post.PostId, cancellationToken) is not null;
        }
    }

    public Task AbandonPostAsync(RecordedPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return TableErase.DeleteAsync(Kaarten, TableKey.Encode(post.KaartId), PostRow(post.PostId), post.ETag is null ? ETag.All : new ETag(post.ETag), cancellationToken);
    }

    /// <summary>A recorded post's row: among the message rows, so erasure finds it like any other message.</summary>
    private static string PostRow(string postId) => MessagePrefix + "p" + TableKey.Hash("post\n" + postId)[..31];

    private static RecordedPost ToPost(string kaartId, string postId, TableEntity entity) => new(
        kaartId,
        postId,
        entity.GetString("ConversationId") ?? string.Empty,
        entity.GetString("ActivityId") is { Length: > 0 } id ? id : null,
        entity.ETag.ToString());

    private static TableEntity EscalationEntity(string pk, Escalation escalation) =>
        new(pk, EscalationPrefix + escalation.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture))
        {
            ["By"] = escalation.By,
            ["Reason"] = escalation.Reason,
            ["At"] = escalation.At,
        };

    public async Task RecordPostedMessageAsync(string kaartId, PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        TableEntity entity = new(TableKey.Encode(kaartId), MessagePrefix + MessageHash(message))
        {
            ["ConversationId"] = message.ConversationId,
            ["ActivityId"] = message.ActivityId,
            ["IsCard"] = message.IsCard,
        };
        await Kaarten.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RecordReplacedMessagesAsync(string kaartId, IReadOnlyCollection<PostedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string pk = TableKey.Encode(kaartId);
        foreach (PostedMessage[] chunk in messages.DistinctBy(MessageHash).Chunk(100))
        {
            await Kaarten.SubmitTransactionAsync(
                [.. chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(pk, ReplacedPrefix + MessageHash(m))))],
                cancellationToken);
        }
    }

    private static string MessageHash(PostedMessage message) => TableKey.Hash(message.ConversationId + "\n" + message.ActivityId)[..32];

    public async Task AddEscalationAsync(string kaartId, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Kaarten.UpsertEntityAsync(EscalationEntity(TableKey.Encode(kaartId), new Escalation(by, reason, at)), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<Escalation>> GetEscalationsAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {EscalationPrefix} and RowKey lt {"o."}");
        List<Escalation> escalations = [];
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            escalations.Add(new Escalation(entity.GetString("By") ?? string.Empty, entity.GetString("Reason") ?? string.Empty, entity.GetDateTimeOffset("At") ?? default));
        }

        return escalations;
    }

    public async Task<CasusFootprint?> GetFootprintAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string? threadId = null;
        string? serviceUrl = null;
        string? teamId = null;
        DateTimeOffset? retentionDueAt = null;
        HashSet<string> members = new(StringComparer.Ordinal);
        List<PostedMessage> messages = [];
        HashSet<string> replaced = new(StringComparer.Ordinal);
        bool any = false;
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            any = true;
            if (entity.RowKey is KaartRow or DialogRow || entity.RowKey.StartsWith('v'))
            {
                KaartLocation location = ReadLocation(entity);
                threadId ??= location.ThreadId.Length > 0 ? location.ThreadId : null;
                serviceUrl ??= location.ServiceUrl.Length > 0 ? location.ServiceUrl : null;
                teamId ??= location.TeamId is { Length: > 0 } ? location.TeamId : null;
                KaartContent content = JsonColumns.Read(entity, entity.RowKey == DialogRow ? "Draft" : Content, StorageJsonContext.Default.KaartContent);
                members.UnionWith(content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!));
                if (entity.GetString("CardActivityId") is { Length: > 0 } cardId && location.ThreadId.Length > 0)
                {
                    messages.Add(new PostedMessage(location.ThreadId, cardId, IsCard: true));
                }

                if (entity.RowKey == KaartRow)
                {
                    retentionDueAt = ReadClosure(entity)?.RetentionDueAt;
                }
            }
            else if (entity.RowKey.StartsWith(MessagePrefix, StringComparison.Ordinal))
            {
                messages.Add(new PostedMessage(
                    entity.GetString("ConversationId") ?? string.Empty,
                    entity.GetString("ActivityId") ?? string.Empty,
                    entity.GetBoolean("IsCard") ?? true));
            }
            else if (entity.RowKey.StartsWith(ReplacedPrefix, StringComparison.Ordinal))
            {
                replaced.Add(entity.RowKey[ReplacedPrefix.Length..]);
            }
        }

        return any
            ? new CasusFootprint(kaartId)
            {
                ThreadId = threadId,
                ServiceUrl = serviceUrl,
                TeamId = teamId,
                MemberAadObjectIds = [.. members.Order(StringComparer.Ordinal)],
                Messages = [.. messages.Where(m => m.ConversationId.Length > 0 && m.ActivityId.Length > 0 && !replaced.Contains(MessageHash(m))).DistinctBy(m => (m.ConversationId, m.ActivityId))],
                RetentionDueAt = retentionDueAt,
            }
            : null;
    }

    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Kaarten, RegieTables.Threads, RegieTables.MemberIndex, RegieTables.TeamIndex];

    EraseStage ICasusDataEraser.Stage => EraseStage.Kaart;

    /// <summary>The indexes first, the partition (which holds the footprint for a retry) last.</summary>
    async Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        int deleted = 0;
        if (casus.ThreadId is { } threadId)
        {
            // Only this casus's own entry: after an erasure the thread may already hold a new kaart.
            TableEntity? thread = await GetAsync(Threads, KaartLocation.ChannelOf(threadId), threadId, cancellationToken);
            if (thread is not null && thread.GetString("KaartId") == casus.KaartId)
            {
                deleted += await TableErase.DeleteAsync(Threads, thread.PartitionKey, thread.RowKey, thread.ETag, cancellationToken);
            }
        }

        if (casus.TeamId is { } teamId)
        {
            deleted += await TableErase.DeleteAsync(Teams, TableKey.Encode(teamId), TableKey.Encode(casus.KaartId), ETag.All, cancellationToken);
        }

        foreach (string aad in casus.MemberAadObjectIds)
        {
            deleted += await TableErase.DeleteAsync(Members, TableKey.Encode(aad), TableKey.Encode(casus.KaartId), ETag.All, cancellationToken);
        }

        deleted += await TableErase.DeletePartitionAsync(Kaarten, TableKey.Encode(casus.KaartId), cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Changes the seal's ETag (creating it when missing) without raising its revision: a confirmation written against
    /// a snapshot read before this write then fails and reads again, so it never shows an older kaart or misses a proposal.
    /// </summary>
    private static TableTransactionAction TouchSeal(string partitionKey) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(partitionKey, SealRow));

    private static Confirmation ToConfirmation(TableEntity entity) => new(
        entity.GetString("ProfessionalId") ?? string.Empty,
        entity.GetString("AadObjectId") ?? string.Empty,
        entity.GetDateTimeOffset("ConfirmedAt") ?? default,
        entity.GetString("RoleFingerprint") ?? string.Empty)
    {
        ETag = entity.ETag.ToString(),
    };

    /// <summary>The indexes follow the saved kaart; every write is an idempotent upsert or delete, so a retry repairs them.</summary>
    private async Task UpdateIndexesAsync(Kaart saved, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken)
    {
        await Threads.UpsertEntityAsync(ThreadEntity(saved.Location.ThreadId, saved.Id, saved.Casus, saved: true), TableUpdateMode.Replace, cancellationToken);
        if (saved.Location.TeamId is { Length: > 0 } teamId)
        {
            await Teams.UpsertEntityAsync(IndexEntry(teamId, saved), TableUpdateMode.Replace, cancellationToken);
        }

        HashSet<string> linked = [.. saved.Content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!)];
        foreach (string aad in linked)
        {
            await Members.UpsertEntityAsync(IndexEntry(aad, saved), TableUpdateMode.Replace, cancellationToken);
        }

        foreach (string aad in removedMembers.Where(a => !linked.Contains(a)))
        {
            await TableErase.DeleteAsync(Members, TableKey.Encode(aad), TableKey.Encode(saved.Id), ETag.All, cancellationToken);
        }
    }

    private static async Task<TableEntity?> GetAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(partition), TableKey.Encode(row), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ThreadEntity(string threadId, string kaartId, string casus, bool saved) =>
        new(TableKey.Encode(KaartLocation.ChannelOf(threadId)), TableKey.Encode(threadId))
        {
            ["KaartId"] = kaartId,
            ["Casus"] = casus,
            ["Saved"] = saved,
        };

    private static ThreadKaart ToThread(TableEntity entity) => new(
        TableKey.Decode(entity.RowKey),
        entity.GetString("KaartId") ?? string.Empty,
        entity.GetString("Casus") ?? string.Empty,
        entity.GetBoolean("Saved") ?? false);

    private static string VersionRow(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(Kaart kaart, string row)
    {
        TableEntity entity = new(TableKey.Encode(kaart.Id), row)
        {
            ["Casus"] = kaart.Casus,
            ["Version"] = kaart.Version,
            ["Status"] = kaart.Status.ToString(),
            ["CardActivityId"] = kaart.CardActivityId,
            ["CreatedAt"] = kaart.CreatedAt,
            ["UpdatedAt"] = kaart.UpdatedAt,
            ["UpdatedBy"] = kaart.UpdatedBy,
            ["Evaluatiedatum"] = FormatDate(kaart.Content.Evaluatiedatum),
        };
        WriteLocation(entity, kaart.Location);
        if (kaart.Closure is { } closure)
        {
            entity["Criterium"] = closure.Criterium.ToString();
            entity["OvergedragenAan"] = closure.OvergedragenAan;
            entity["ClosedAt"] = closure.ClosedAt;
            entity["ClosedBy"] = closure.ClosedBy;
            entity["RetentionDueAt"] = closure.RetentionDueAt;
        }

        JsonColumns.Write(entity, Content, kaart.Content, StorageJsonContext.Default.KaartContent);
        return entity;
    }

    private static KaartClosure? ReadClosure(TableEntity entity) =>
        entity.GetString("Criterium") is { } criterium
            ? new KaartClosure(
                Enum.Parse<AfschaalCriterium>(criterium),
                entity.GetString("OvergedragenAan"),
                entity.GetDateTimeOffset("ClosedAt") ?? default,
                entity.GetString("ClosedBy") ?? string.Empty,
                entity.GetDateTimeOffset("RetentionDueAt") ?? default)
            : null;

    private static Kaart ToKaart(TableEntity entity) => new()
    {
        Id = TableKey.Decode(entity.PartitionKey),
        Casus = entity.GetString("Casus") ?? string.Empty,
        Location = ReadLocation(entity),
        Content = JsonColumns.Read(entity, Content, StorageJsonContext.Default.KaartContent),
        Version = entity.GetInt32("Version") ?? 1,
        Status = Enum.Parse<KaartStatus>(entity.GetString("Status") ?? nameof(KaartStatus.Actief)),
        Closure = ReadClosure(entity),
        CardActivityId = entity.GetString("CardActivityId"),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = entity.GetString("UpdatedBy"),
        ETag = entity.ETag.ToString(),
    };

    private static TableEntity ToEntity(DialogState dialog)
    {
        TableEntity entity = new(TableKey.Encode(dialog.KaartId), DialogRow)
        {
            ["Casus"] = dialog.Casus,
            ["Step"] = dialog.Step.ToString(),
            ["Revision"] = dialog.Revision,
            ["Status"] = dialog.Status.ToString(),
            ["IsUpdate"] = dialog.IsUpdate,
            ["BaseVersion"] = dialog.BaseVersion,
            ["CardActivityId"] = dialog.CardActivityId,
            ["LastEditedBy"] = dialog.LastEditedBy,
            ["UpdatedAt"] = dialog.UpdatedAt,
        };
        WriteLocation(entity, dialog.Location);
        JsonColumns.Write(entity, "Draft", dialog.Draft, StorageJsonContext.Default.KaartContent);
        return entity;
    }

    private static DialogState ToDialog(TableEntity entity) => new()
    {
        KaartId = TableKey.Decode(entity.PartitionKey),
        Casus = entity.GetString("Casus") ?? string.Empty,
        Location = ReadLocation(entity),
        Step = Enum.Parse<DialogStep>(entity.GetString("Step") ?? nameof(DialogStep.Moment)),
        Revision = entity.GetInt32("Revision") ?? 0,
        Status = Enum.Parse<DialogStatus>(entity.GetString("Status") ?? nameof(DialogStatus.Open)),
        IsUpdate = entity.GetBoolean("IsUpdate") ?? false,
        BaseVersion = entity.GetInt32("BaseVersion") ?? 0,
        CardActivityId = entity.GetString("CardActivityId"),
        LastEditedBy = entity.GetString("LastEditedBy"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        Draft = JsonColumns.Read(entity, "Draft", StorageJsonContext.Default.KaartContent),
        ETag = entity.ETag.ToString(),
    };

    private static void WriteLocation(TableEntity entity, KaartLocation location)
    {
        entity["ThreadId"] = location.ThreadId;
        entity["ChannelId"] = location.ChannelId;
        entity["TeamId"] = location.TeamId;
        entity["TenantId"] = location.TenantId;
        entity["ServiceUrl"] = location.ServiceUrl;
    }

    private static KaartLocation ReadLocation(TableEntity entity) => new(
        entity.GetString("ThreadId") ?? string.Empty,
        entity.GetString("ChannelId") ?? string.Empty,
        entity.GetString("TeamId"),
        entity.GetString("TenantId"),
        entity.GetString("ServiceUrl") ?? string.Empty);

    private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date : null;
}
