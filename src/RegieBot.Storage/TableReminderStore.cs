using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Reminders;

namespace RegieBot.Storage;

/// <summary>
/// Reminders in one table with two kinds of rows. Due rows live in partition <c>due</c> with RowKey
/// <c>{due ticks}|{kaart}|{kind}</c>, so "what is due" is a range query that reads only due rows, whatever
/// the number of kaarten. A pointer row per kaart and kind (partition <c>k|{kaart}</c>) says where its due row
/// is and what happened to it. Claims are conditional writes on the due row.
/// The pointer's RowKey is <c>{kind}|{kaart}</c>, unique in the table: Azurite (local runs, CI, benchmarks) looks an
/// entity up by its RowKey first and then scans every entity with that RowKey for the partition, so a RowKey shared by
/// all kaarten made each pointer read or write cost as much as there are kaarten. Pointers written before, with
/// RowKey <c>{kind}</c>, are still read (only when the new one is missing) and are erased with the casus.
/// </summary>
public sealed class TableReminderStore(RegieTables tables) : IReminderStore, ICasusDataEraser
{
    private const string DuePartition = "due";

    /// <summary>How often a pointer write is tried again after another writer changed the pointer first.</summary>
    private const int MaxPointerAttempts = 5;

    private TableClient Table => tables.Get(RegieTables.Reminders);

    public async Task ScheduleAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        Reminder scheduled = reminder with { ScheduledFor = reminder.DueAt };
        string dueRow = DueRowKey(scheduled);

        // The new due row, then the pointer that names it (and the old row as leaving), then the old row: a crash in
        // between leaves a due row the pointer does not name, which the next claim drops (never two reminders sent,
        // never none scheduled), and which the next move or the erasure still finds through the pointer. The pointer is
        // written on the ETag it was read with: a send or another move that changed it meanwhile is read again, so its
        // own leaving row is not forgotten.
        await Table.UpsertEntityAsync(ToDueEntity(scheduled), TableUpdateMode.Replace, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            ReminderPointerEntity? pointer = await GetPointerAsync(reminder.KaartId, reminder.Kind, cancellationToken);
            string? previous = pointer?.DueRow;
            string? leaving = previous != dueRow ? previous : null;
            ReminderPointerEntity next = ToPointerEntity(reminder.KaartId, reminder.Kind, ReminderStatus.Scheduled, reminder.DueAt, dueRow, null, null, leaving);
            if (await TryWritePointerAsync(pointer, next, cancellationToken))
            {
                await DeleteLeftRowsAsync(dueRow, leaving, pointer?.LeavingRow, cancellationToken);
                return;
            }

            if (attempt == MaxPointerAttempts)
            {
                throw new Domain.ConcurrencyConflictException("The reminder's pointer kept changing while it was scheduled.");
            }
        }
    }

    public async Task<IReadOnlyList<Reminder>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        string upper = Ticks(now) + "~";   // every row key of a due moment up to now sorts below this
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and RowKey lt {upper}");
        List<Reminder> due = [];
        await foreach (Page<ReminderDueEntity> page in Table.QueryAsync<ReminderDueEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).AsPages())
        {
            due.AddRange(page.Values.Select(e => e.ToReminder()));
            if (due.Count >= max)
            {
                break;
            }
        }

        return [.. due.Take(max)];
    }

    public async Task<Reminder?> TryClaimAsync(Reminder due, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(due.ETag);
        if (due.ClaimedUntil is { } claimed && claimed > now)
        {
            return null;   // another instance holds it and its lease has not run out
        }

        Reminder claim = due with { ClaimedUntil = leaseUntil, FirstClaimedAt = due.FirstClaimedAt ?? now };
        string? etag;
        try
        {
            Response response = await Table.UpdateEntityAsync(ToDueEntity(claim), new ETag(due.ETag), TableUpdateMode.Replace, cancellationToken);
            etag = response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;   // claimed (or handled) by another instance first
        }

        // The pointer is the truth: a due row it does not name was left by a crash between a move's writes (or a
        // reminder sent and marked): it goes, unsent.
        ReminderPointerEntity? named = await GetPointerAsync(due.KaartId, due.Kind, cancellationToken);
        if (named?.DueRow != DueRowKey(due))
        {
            await DeleteDueRowAsync(DueRowKey(due), etag, cancellationToken);
            return null;
        }

        // Every outcome of this claim is written on the pointer as read here: a move or a cancel in between wins.
        return claim with { ETag = etag, PointerETag = named.ETag.ToString(), PointerRowKey = named.RowKey };
    }

    public async Task<bool> MarkSentAsync(Reminder claimed, string? activityId, DateTimeOffset sentAt, Reminder? followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        string dueRow = DueRowKey(claimed);
        ReminderPointerEntity sent = ToPointerEntity(claimed.KaartId, claimed.Kind, ReminderStatus.Sent, claimed.DueAt, null, sentAt, activityId, dueRow);
        if (followUp is null || followUp.KaartId != claimed.KaartId || followUp.Kind == claimed.Kind)
        {
            return await FinishClaimAsync(claimed, sent, null, cancellationToken);
        }

        // The follow-up (the escalation a week on) is scheduled in the same transaction that marks the send: both
        // pointers share the kaart's partition. Its due row first, which no pointer names until the batch lands.
        Reminder next = followUp with { ScheduledFor = followUp.DueAt, ETag = null, PointerETag = null, PointerRowKey = null };
        string nextRow = DueRowKey(next);
        await Table.UpsertEntityAsync(ToDueEntity(next), TableUpdateMode.Replace, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            ReminderPointerEntity? previous = await GetPointerAsync(next.KaartId, next.Kind, cancellationToken);
            string? leaving = previous?.DueRow is { } row && row != nextRow ? row : null;
            ReminderPointerEntity scheduled = ToPointerEntity(next.KaartId, next.Kind, ReminderStatus.Scheduled, next.DueAt, nextRow, null, null, leaving);
            try
            {
                await Table.SubmitTransactionAsync([PointerAction(Expected(claimed), sent), PointerAction(previous, scheduled)], cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
            {
                ReminderPointerEntity? now = await GetPointerAsync(claimed.KaartId, claimed.Kind, cancellationToken);
                if (IsWritten(now, sent))
                {
                    break;   // the response of our own batch was lost; a retry of it met its own result
                }

                if (now?.ETag.ToString() == claimed.PointerETag && attempt < MaxPointerAttempts)
                {
                    continue;   // only the follow-up's pointer moved: read it again
                }

                // Moved, cancelled or erased since the claim: that state stands. Neither row of this send is named.
                await DeleteDueRowAsync(nextRow, null, cancellationToken);
                await DeleteDueRowAsync(dueRow, claimed.ETag, cancellationToken);
                return false;
            }

            await DeleteLeftRowsAsync(nextRow, leaving, previous?.LeavingRow, cancellationToken);
            break;
        }

        await DeleteDueRowAsync(dueRow, claimed.ETag, cancellationToken);
        return true;
    }

    public async Task<bool> RetryLaterAsync(Reminder claimed, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        Reminder later = claimed with { DueAt = retryAt, Attempts = claimed.Attempts + 1, ClaimedUntil = null, FirstClaimedAt = null, ScheduledFor = claimed.ScheduledFor ?? claimed.DueAt };
        await Table.UpsertEntityAsync(ToDueEntity(later), TableUpdateMode.Replace, cancellationToken);
        ReminderPointerEntity pointer = ToPointerEntity(claimed.KaartId, claimed.Kind, ReminderStatus.Scheduled, retryAt, DueRowKey(later), null, null, DueRowKey(claimed));
        return await FinishClaimAsync(claimed, pointer, DueRowKey(later), cancellationToken);
    }

    public Task<bool> MarkUndeliverableAsync(Reminder claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return FinishClaimAsync(
            claimed, ToPointerEntity(claimed.KaartId, claimed.Kind, ReminderStatus.Undeliverable, claimed.DueAt, null, null, null, DueRowKey(claimed)), null, cancellationToken);
    }

    /// <summary>
    /// Writes the outcome of a claim on the pointer as the claim read it, then deletes the claimed due row. False when the
    /// pointer changed since the claim (a move, a cancel or the erasure won): the claimed row, and <paramref name="written"/>
    /// (a due row this outcome wrote first), are deleted, and the pointer keeps the newer state.
    /// </summary>
    private async Task<bool> FinishClaimAsync(Reminder claimed, ReminderPointerEntity outcome, string? written, CancellationToken cancellationToken)
    {
        if (!await TryWritePointerAsync(Expected(claimed), outcome, cancellationToken)
            && !IsWritten(await GetPointerAsync(claimed.KaartId, claimed.Kind, cancellationToken), outcome))
        {
            if (written is not null)
            {
                await DeleteDueRowAsync(written, null, cancellationToken);
            }

            await DeleteDueRowAsync(DueRowKey(claimed), claimed.ETag, cancellationToken);
            return false;
        }

        await DeleteDueRowAsync(DueRowKey(claimed), claimed.ETag, cancellationToken);
        return true;
    }

    public async Task DropAsync(Reminder claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        string dueRow = DueRowKey(claimed);
        await DeleteDueRowAsync(dueRow, claimed.ETag, cancellationToken);
        if (await GetPointerAsync(claimed.KaartId, claimed.Kind, cancellationToken) is { } pointer && pointer.DueRow == dueRow)
        {
            pointer.Status = nameof(ReminderStatus.Cancelled);
            pointer.DueRow = null;
            try
            {
                await Table.UpdateEntityAsync(pointer, pointer.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Rescheduled or erased meanwhile: that newer state stands.
            }
        }
    }

    public async Task CancelAsync(string kaartId, ReminderKind? kind, CancellationToken cancellationToken)
    {
        foreach (ReminderKind k in kind is { } one ? [one] : Enum.GetValues<ReminderKind>())
        {
            ReminderPointerEntity? pointer = await GetPointerAsync(kaartId, k, cancellationToken);
            if (pointer?.Status == nameof(ReminderStatus.Scheduled))
            {
                // The pointer first: a due row it no longer names is never sent, even when deleting it fails; it names the
                // row as leaving, so a repeat after a crash here still deletes it.
                string? dueRow = pointer.DueRow;
                ReminderPointerEntity cancelled = ToPointerEntity(kaartId, k, ReminderStatus.Cancelled, pointer.DueAt ?? default, null, null, null, dueRow);
                if (!await TryWritePointerAsync(pointer, cancelled, cancellationToken))
                {
                    // Sent or moved meanwhile: read it again and cancel what it names now.
                    await CancelAsync(kaartId, k, cancellationToken);
                    continue;
                }

                await DeleteLeftRowsAsync(null, dueRow, pointer.LeavingRow, cancellationToken);
            }
            else if (pointer?.LeavingRow is { Length: > 0 } leaving)
            {
                await DeleteDueRowAsync(leaving, null, cancellationToken);   // left by a crash after the pointer was written
            }
        }
    }

    public async Task<ReminderState?> GetStateAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken)
    {
        ReminderPointerEntity? e = await GetPointerAsync(kaartId, kind, cancellationToken);
        return e is null ? null : new ReminderState(kaartId, kind, e.ToStatus(), e.DueAt ?? default, e.SentAt, e.SentActivityId);
    }

    public async Task<bool> IsLostAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken) =>
        await FindLostAsync(kaartId, kind, cancellationToken) is not null;

    public async Task<LostReminder?> FindLostAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken)
    {
        ReminderPointerEntity? pointer = await GetPointerAsync(kaartId, kind, cancellationToken);
        if (pointer is null)
        {
            return new LostReminder(ScheduledAt: null);
        }

        if (pointer.Status != nameof(ReminderStatus.Scheduled))
        {
            return null;   // sent, cancelled or undeliverable: what happened to it is known
        }

        bool lost = pointer.DueRow is not { Length: > 0 } dueRow
            || !(await Table.GetEntityIfExistsAsync<TableEntity>(DuePartition, dueRow, select: ["KaartId"], cancellationToken: cancellationToken)).HasValue;
        return lost ? new LostReminder(pointer.DueAt) : null;
    }

    IReadOnlyList<string> ICasusDataEraser.Tables { get; } = [RegieTables.Reminders];

    EraseStage ICasusDataEraser.Stage => EraseStage.BeforeKaart;

    /// <summary>The due rows the pointers name, then the pointers: a repeat finds what a failed attempt left.</summary>
    async Task<int> ICasusDataEraser.EraseAsync(CasusFootprint casus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(casus);
        string pointers = PointerPartition(casus.KaartId);
        int deleted = 0;
        await foreach (ReminderPointerEntity pointer in Table.QueryAsync<ReminderPointerEntity>(e => e.PartitionKey == pointers, cancellationToken: cancellationToken))
        {
            foreach (string dueRow in new[] { pointer.DueRow, pointer.LeavingRow }.OfType<string>().Where(r => r.Length > 0))
            {
                deleted += await TableErase.DeleteAsync(Table, DuePartition, dueRow, ETag.All, cancellationToken);
            }
        }

        return deleted + await TableErase.DeletePartitionAsync(Table, pointers, cancellationToken);
    }

    private async Task DeleteDueRowAsync(string dueRow, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(DuePartition, dueRow, etag is null ? ETag.All : new ETag(etag), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Already moved or removed by whoever changed it last.
        }
    }

    /// <summary>Deletes the rows a pointer write left behind (none of them the row it now names).</summary>
    private async Task DeleteLeftRowsAsync(string? current, string? leaving, string? leftEarlier, CancellationToken cancellationToken)
    {
        foreach (string row in new[] { leaving, leftEarlier }.OfType<string>().Where(r => r.Length > 0 && r != current).Distinct(StringComparer.Ordinal))
        {
            await DeleteDueRowAsync(row, null, cancellationToken);
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> on the pointer as it was read (<paramref name="expected"/>: its ETag; none or one with
    /// the old RowKey: only while no pointer with the new RowKey exists). False when another writer changed it first.
    /// Its <c>LeavingRow</c> names the due row the caller deletes right after this write, so that a crash before that
    /// delete leaves a row the next move, cancel or erasure still finds.
    /// </summary>
    private async Task<bool> TryWritePointerAsync(ReminderPointerEntity? expected, ReminderPointerEntity next, CancellationToken cancellationToken)
    {
        try
        {
            if (expected is null || expected.RowKey != next.RowKey)
            {
                await Table.AddEntityAsync(next, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(next, expected.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static TableTransactionAction PointerAction(ReminderPointerEntity? expected, ReminderPointerEntity next) =>
        expected is null || expected.RowKey != next.RowKey
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, expected.ETag);

    /// <summary>The pointer as the claim read it (its RowKey and ETag), for a conditional write of the claim's outcome.</summary>
    private static ReminderPointerEntity? Expected(Reminder claimed) =>
        claimed.PointerETag is { } etag && claimed.PointerRowKey is { } rowKey
            ? new ReminderPointerEntity { PartitionKey = PointerPartition(claimed.KaartId), RowKey = rowKey, ETag = new ETag(etag) }
            : null;

    /// <summary>Whether the stored pointer already says what <paramref name="written"/> says (a write whose response was lost).</summary>
    private static bool IsWritten(ReminderPointerEntity? stored, ReminderPointerEntity written) =>
        stored is not null && stored.RowKey == written.RowKey && stored.Status == written.Status && stored.DueRow == written.DueRow
            && stored.LeavingRow == written.LeavingRow && stored.SentActivityId == written.SentActivityId;

    /// <summary>The two rows <see cref="ScheduleAsync"/> writes for a reminder: its due row and its pointer (for seeding in bulk).</summary>
    internal static (ReminderDueEntity Due, ReminderPointerEntity Pointer) ScheduledRows(Reminder reminder) =>
        (ToDueEntity(reminder), ToPointerEntity(reminder.KaartId, reminder.Kind, ReminderStatus.Scheduled, reminder.DueAt, DueRowKey(reminder), null, null, null));

    private static ReminderPointerEntity ToPointerEntity(
        string kaartId, ReminderKind kind, ReminderStatus status, DateTimeOffset dueAt, string? dueRow, DateTimeOffset? sentAt, string? sentActivityId, string? leaving) =>
        new()
        {
            PartitionKey = PointerPartition(kaartId),
            RowKey = PointerRow(kaartId, kind),
            Status = status.ToString(),
            DueAt = dueAt,
            DueRow = dueRow,
            SentAt = sentAt,
            SentActivityId = sentActivityId,
            LeavingRow = leaving,
        };

    /// <summary>The kaart's pointer for this kind; one written before pointer rows had unique keys is read when there is no other.</summary>
    private async Task<ReminderPointerEntity?> GetPointerAsync(string kaartId, ReminderKind kind, CancellationToken cancellationToken)
    {
        string partition = PointerPartition(kaartId);
        NullableResponse<ReminderPointerEntity> pointer =
            await Table.GetEntityIfExistsAsync<ReminderPointerEntity>(partition, PointerRow(kaartId, kind), cancellationToken: cancellationToken);
        if (!pointer.HasValue)
        {
            pointer = await Table.GetEntityIfExistsAsync<ReminderPointerEntity>(partition, kind.StoredName(), cancellationToken: cancellationToken);
        }

        return pointer.HasValue ? pointer.Value : null;
    }

    private static string PointerPartition(string kaartId) => "k|" + TableKey.Encode(kaartId);

    private static string PointerRow(string kaartId, ReminderKind kind) => $"{kind.StoredName()}|{TableKey.Encode(kaartId)}";

    private static string Ticks(DateTimeOffset moment) => moment.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string DueRowKey(Reminder reminder) => $"{Ticks(reminder.DueAt)}|{TableKey.Encode(reminder.KaartId)}|{reminder.Kind.StoredName()}";

    private static ReminderDueEntity ToDueEntity(Reminder reminder) => ReminderDueEntity.From(DuePartition, DueRowKey(reminder), reminder);
}
