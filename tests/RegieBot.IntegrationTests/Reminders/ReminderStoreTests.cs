using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegieBot.Common;
using RegieBot.Domain.Reminders;
using RegieBot.Evaluation;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Reminders;

[Trait("Category", "Integration")]
public sealed class ReminderStoreTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Reminder NewReminder(string kaartId, DateTimeOffset due) => new()
    {
        KaartId = kaartId,
        Kind = ReminderKind.Evaluatie,
        DueAt = due,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ThreadId = $"19:c@thread.tacv2;messageid={kaartId}",
        TenantId = "t-1",
    };

    private static ReminderDispatcher Dispatcher(TableReminderStore store, IReminderSender sender, TimeProvider time) => new(
        store, sender, time,
        Options.Create(new ReminderOptions { BatchSize = 500, MaxSendsPerSecond = 1000, ClaimLease = TimeSpan.FromMinutes(5) }),
        NullLogger<ReminderDispatcher>.Instance);

    private sealed class CountingSender : IReminderSender
    {
        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public Task<ReminderDelivery> SendAsync(Reminder reminder, CancellationToken cancellationToken)
        {
            Sends.AddOrUpdate(reminder.KaartId, 1, (_, n) => n + 1);
            return Task.FromResult(new ReminderDelivery(ReminderDeliveryOutcome.Sent, "1"));
        }
    }

    [Fact]
    public async Task GetDueAsync_ReadsOnlyWhatIsDue()
    {
        TableReminderStore store = new(storage.Tables);
        string prefix = Guid.NewGuid().ToString("N")[..8];
        CancellationToken ct = TestContext.Current.CancellationToken;
        DateTimeOffset now = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);   // a moment of its own, before every other test's reminders
        await Parallel.ForEachAsync(Enumerable.Range(0, 60), ct, async (i, token) =>
            await store.ScheduleAsync(NewReminder($"{prefix}-{i}", i < 5 ? now.AddMinutes(-i) : now.AddDays(i)), token));

        IReadOnlyList<Reminder> due = await store.GetDueAsync(now, 100, ct);

        Assert.Equal(5, due.Count(r => r.KaartId.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(due, r => Assert.True(r.DueAt <= now));
    }

    [Fact]
    public async Task DispatchDueAsync_TwoInstancesRaceOverAThousandDueReminders_EachIsSentExactlyOnce()
    {
        string prefix = "race-" + Guid.NewGuid().ToString("N")[..8];
        CancellationToken ct = TestContext.Current.CancellationToken;
        TableReminderStore setup = new(storage.Tables);
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            await setup.ScheduleAsync(NewReminder($"{prefix}-{i:D4}", Now.AddSeconds(-i)), token));
        CountingSender sender = new();
        ReminderDispatcher a = Dispatcher(new TableReminderStore(storage.Tables), sender, new ShiftedTime(Now));
        ReminderDispatcher b = Dispatcher(new TableReminderStore(storage.Tables), sender, new ShiftedTime(Now));

        for (int round = 0; round < 10; round++)
        {
            int[] sent = await Task.WhenAll(a.DispatchDueAsync(ct), b.DispatchDueAsync(ct));
            if (sent.Sum() == 0)
            {
                break;
            }
        }

        Assert.Equal(1000, sender.Sends.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(sender.Sends.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)), s => Assert.Equal(1, s.Value));
        Assert.DoesNotContain(await setup.GetDueAsync(Now.AddMinutes(1), 2000, ct), r => r.KaartId.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchDueAsync_BacklogFoundInTheWeekend_IsSentOnlyInWorkingHours()
    {
        TableReminderStore store = new(storage.Tables);
        string kaart = "weekend-" + Guid.NewGuid().ToString("N")[..8];
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ScheduleAsync(NewReminder(kaart, new DateTimeOffset(2000, 11, 30, 9, 0, 0, TimeSpan.Zero)), ct);   // before every other test's reminders
        CountingSender sender = new();

        await Dispatcher(store, sender, new ShiftedTime(new DateTimeOffset(2000, 12, 2, 22, 0, 0, TimeSpan.Zero))).DispatchDueAsync(ct);   // Saturday 23:00
        Assert.False(sender.Sends.ContainsKey(kaart));
        Assert.Contains(await store.GetDueAsync(new DateTimeOffset(2000, 12, 2, 22, 0, 0, TimeSpan.Zero), 500, ct), r => r.KaartId == kaart);   // not claimed: still due

        await Dispatcher(store, sender, new ShiftedTime(new DateTimeOffset(2000, 12, 4, 8, 30, 0, TimeSpan.Zero))).DispatchDueAsync(ct);   // Monday 09:30

        Assert.Equal(1, sender.Sends[kaart]);
        Assert.Equal(ReminderStatus.Sent, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))!.Status);
    }

    [Fact]
    public async Task TryClaimAsync_InstanceCrashedAfterClaiming_IsRetriedOnceTheLeaseRunsOut()
    {
        TableReminderStore store = new(storage.Tables);
        string kaart = "crash-" + Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset due = new(2002, 1, 2, 9, 0, 0, TimeSpan.Zero);   // a Wednesday, 10:00 in Amsterdam: within working hours
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ScheduleAsync(NewReminder(kaart, due), ct);
        Reminder found = (await store.GetDueAsync(due, 100, ct)).Single(r => r.KaartId == kaart);
        Assert.NotNull(await store.TryClaimAsync(found, due, due.AddMinutes(5), ct));   // ...and then the instance dies

        Reminder stillClaimed = (await store.GetDueAsync(due.AddMinutes(1), 100, ct)).Single(r => r.KaartId == kaart);
        Assert.Null(await store.TryClaimAsync(stillClaimed, due.AddMinutes(1), due.AddMinutes(6), ct));

        CountingSender sender = new();
        int sent = await Dispatcher(store, sender, new ShiftedTime(due.AddMinutes(6))).DispatchDueAsync(ct);

        Assert.True(sent >= 1);
        Assert.Equal(1, sender.Sends[kaart]);
        Assert.Equal(ReminderStatus.Sent, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))!.Status);
    }

    [Fact]
    public async Task TryClaimAsync_DueRowLeftByACrashedMove_IsDroppedUnsentAndTheCurrentOneIsSentOnce()
    {
        TableReminderStore store = new(storage.Tables);
        string kaart = "moved-" + Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset due = new(2002, 1, 2, 9, 0, 0, TimeSpan.Zero);   // a Wednesday, within working hours
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ScheduleAsync(NewReminder(kaart, due.AddMinutes(-30)), ct);

        // A move (a postponement, a retry) wrote its new due row and pointer, then the process died before the old row went.
        ReminderDueEntity stale = TableReminderStore.ScheduledRows(NewReminder(kaart, due.AddMinutes(-30))).Due;
        await store.ScheduleAsync(NewReminder(kaart, due), ct);
        await storage.Tables.Get(RegieTables.Reminders).UpsertEntityAsync(stale, TableUpdateMode.Replace, ct);
        Assert.Equal(2, (await store.GetDueAsync(due, 100, ct)).Count(r => r.KaartId == kaart));

        CountingSender sender = new();
        await Dispatcher(store, sender, new ShiftedTime(due)).DispatchDueAsync(ct);

        Assert.Equal(1, sender.Sends[kaart]);
        Assert.DoesNotContain(await store.GetDueAsync(due.AddDays(1), 1000, ct), r => r.KaartId == kaart);
        Assert.Equal(ReminderStatus.Sent, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))!.Status);
    }

    [Fact]
    public async Task CancelAsync_ScheduledReminder_IsNoLongerDue()
    {
        TableReminderStore store = new(storage.Tables);
        string kaart = "cancel-" + Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset due = new(2003, 1, 1, 0, 0, 0, TimeSpan.Zero);
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ScheduleAsync(NewReminder(kaart, due), ct);

        await store.CancelAsync(kaart, null, ct);

        Assert.DoesNotContain(await store.GetDueAsync(due.AddDays(1), 1000, ct), r => r.KaartId == kaart);
        Assert.Equal(ReminderStatus.Cancelled, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))!.Status);
    }

    [Fact]
    public async Task ScheduleAsync_Again_ReplacesTheEarlierReminder()
    {
        TableReminderStore store = new(storage.Tables);
        string kaart = "again-" + Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset first = new(2004, 1, 1, 0, 0, 0, TimeSpan.Zero);
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ScheduleAsync(NewReminder(kaart, first), ct);

        await store.ScheduleAsync(NewReminder(kaart, first.AddDays(7)), ct);

        Assert.DoesNotContain(await store.GetDueAsync(first.AddDays(1), 1000, ct), r => r.KaartId == kaart);
        Assert.Single(await store.GetDueAsync(first.AddDays(8), 1000, ct), r => r.KaartId == kaart);
    }

    [Fact]
    public async Task ScheduleAsync_ManyKaarten_NoTwoRowsOfTheTableShareARowKey()
    {
        // Azurite finds an entity by its RowKey first and then scans all entities with that RowKey for the partition:
        // a RowKey shared by every kaart's pointer made each pointer write cost as many steps as there are kaarten.
        TableReminderStore store = new(storage.Tables);
        string prefix = "keys-" + Guid.NewGuid().ToString("N")[..8];
        CancellationToken ct = TestContext.Current.CancellationToken;
        for (int i = 0; i < 5; i++)
        {
            await store.ScheduleAsync(NewReminder($"{prefix}-{i}", new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i)), ct);
        }

        List<TableEntity> rows = [];
        await foreach (TableEntity row in storage.Tables.Get(RegieTables.Reminders).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            rows.Add(row);
        }

        List<TableEntity> ours = [.. rows.Where(r => r.PartitionKey.Contains(prefix, StringComparison.Ordinal) || r.RowKey.Contains(prefix, StringComparison.Ordinal))];
        Assert.Equal(10, ours.Count);   // a due row and a pointer per kaart
        Assert.Equal(ours.Count, ours.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task PointerWrittenBeforeRowKeysWereUnique_IsStillReadRescheduledAndErased()
    {
        TableReminderStore store = new(storage.Tables);
        TableClient table = storage.Tables.Get(RegieTables.Reminders);
        string kaart = "legacy-" + Guid.NewGuid().ToString("N")[..8];
        DateTimeOffset first = new(2006, 1, 1, 0, 0, 0, TimeSpan.Zero);
        CancellationToken ct = TestContext.Current.CancellationToken;
        (ReminderDueEntity due, ReminderPointerEntity pointer) = TableReminderStore.ScheduledRows(NewReminder(kaart, first));
        string pointerPartition = pointer.PartitionKey;
        await table.AddEntityAsync(due, ct);
        pointer.RowKey = nameof(ReminderKind.Evaluatie);
        await table.AddEntityAsync(pointer, ct);   // the earlier key: the kind alone

        ReminderState? state = await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct);
        await store.ScheduleAsync(NewReminder(kaart, first.AddDays(7)), ct);

        Assert.Equal((ReminderStatus.Scheduled, first), (state?.Status, state?.DueAt));
        Assert.DoesNotContain(await store.GetDueAsync(first.AddDays(1), 1000, ct), r => r.KaartId == kaart);
        Assert.Equal(first.AddDays(7), (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))?.DueAt);

        await ((RegieBot.Domain.Privacy.ICasusDataEraser)store).EraseAsync(new RegieBot.Domain.Privacy.CasusFootprint(kaart), ct);

        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == pointerPartition, cancellationToken: ct).ToListAsync(ct));
        Assert.DoesNotContain(await store.GetDueAsync(first.AddDays(8), 1000, ct), r => r.KaartId == kaart);
    }

    /// <summary>
    /// "Herinner over een week" (or a save) moves the evaluation while its send is under way: the move stands, the due
    /// row it names is still sent later, and the send that lost the race schedules no escalation.
    /// </summary>
    [Theory]
    [InlineData(ReminderDeliveryOutcome.Sent)]
    [InlineData(ReminderDeliveryOutcome.RetryLater)]
    [InlineData(ReminderDeliveryOutcome.Undeliverable)]
    public async Task DispatchDueAsync_MovedWhileSending_TheMoveStandsAndNoEscalationFollows(ReminderDeliveryOutcome outcome)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaart = "moved-" + Guid.NewGuid().ToString("N")[..8];
        TableReminderStore store = new(storage.Tables);
        DateTimeOffset due = new(2003, 3, 3, 8, 0, 0, TimeSpan.Zero);   // a Monday of its own, 09:00 in Amsterdam
        DateTimeOffset aWeekOn = due.AddDays(7);
        await store.ScheduleAsync(NewReminder(kaart, due), ct);
        MovingSender sender = new(() => store.ScheduleAsync(NewReminder(kaart, aWeekOn), ct), outcome);

        await Dispatcher(store, sender, new ShiftedTime(due.AddMinutes(1))).DispatchDueAsync(ct);

        ReminderState? evaluation = await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct);
        Assert.Equal((ReminderStatus.Scheduled, aWeekOn), (evaluation?.Status, evaluation?.DueAt));
        Assert.Null(await store.GetStateAsync(kaart, ReminderKind.Escalation, ct));
        Assert.False(await store.IsLostAsync(kaart, ReminderKind.Evaluatie, ct), "the moved reminder's due row must still be there");
        Reminder[] rows = [.. (await store.GetDueAsync(aWeekOn.AddDays(30), 5000, ct)).Where(r => r.KaartId == kaart)];
        Assert.Equal([aWeekOn], rows.Select(r => r.DueAt));
    }

    /// <summary>A send that nobody moved is marked sent, and its escalation is scheduled in the same write.</summary>
    [Fact]
    public async Task MarkSentAsync_WithAFollowUp_MarksTheSendAndSchedulesTheEscalationTogether()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaart = "sent-" + Guid.NewGuid().ToString("N")[..8];
        TableReminderStore store = new(storage.Tables);
        DateTimeOffset due = new(2003, 3, 10, 8, 0, 0, TimeSpan.Zero);
        await store.ScheduleAsync(NewReminder(kaart, due), ct);
        Reminder claimed = (await store.TryClaimAsync(Assert.Single(await store.GetDueAsync(due, 5000, ct), r => r.KaartId == kaart), due, due.AddMinutes(5), ct))!;

        bool marked = await store.MarkSentAsync(claimed, "a-1", due, NewReminder(kaart, due.AddDays(7)) with { Kind = ReminderKind.Escalation }, ct);

        Assert.True(marked);
        Assert.Equal((ReminderStatus.Sent, "a-1"), ((await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))?.Status, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))?.SentActivityId));
        Assert.Equal((ReminderStatus.Scheduled, due.AddDays(7)), ((await store.GetStateAsync(kaart, ReminderKind.Escalation, ct))?.Status, (await store.GetStateAsync(kaart, ReminderKind.Escalation, ct))?.DueAt));
        Assert.Equal([ReminderKind.Escalation], (await store.GetDueAsync(due.AddDays(30), 5000, ct)).Where(r => r.KaartId == kaart).Select(r => r.Kind));
        Assert.True(await store.MarkSentAsync(claimed, "a-1", due, null, ct), "marking the same send again (a lost response) is no lost race");
    }

    /// <summary>Sends the reminder as the given outcome, after moving it (as a user who answers meanwhile would).</summary>
    private sealed class MovingSender(Func<Task> move, ReminderDeliveryOutcome outcome) : IReminderSender
    {
        public async Task<ReminderDelivery> SendAsync(Reminder reminder, CancellationToken cancellationToken)
        {
            await move();
            Reminder escalation = reminder with { Kind = ReminderKind.Escalation, DueAt = reminder.DueAt.AddDays(7), ETag = null, PointerETag = null, PointerRowKey = null, ClaimedUntil = null };
            return new ReminderDelivery(outcome, outcome == ReminderDeliveryOutcome.Sent ? "a-1" : null, outcome == ReminderDeliveryOutcome.Sent ? escalation : null);
        }
    }
}
