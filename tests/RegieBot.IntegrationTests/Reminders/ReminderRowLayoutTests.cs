using System.Globalization;
using Azure.Data.Tables;
using RegieBot.Domain.Reminders;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Reminders;

/// <summary>
/// The typed reminder rows write the columns (names and types) the untyped rows always had, and rows written before
/// them still read: reminders scheduled before an upgrade must still be sent.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReminderRowLayoutTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly string[] SystemColumns = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];
    private static readonly DateTimeOffset Due = new(2003, 2, 5, 9, 0, 0, TimeSpan.Zero);   // a moment of its own

    private TableClient Table => storage.Tables.Get(RegieTables.Reminders);

    private static Reminder NewReminder(string kaartId) => new()
    {
        KaartId = kaartId,
        Kind = ReminderKind.Evaluatie,
        DueAt = Due,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ThreadId = $"19:c@thread.tacv2;messageid={kaartId}",
        TenantId = "t-1",
        TeamId = "19:team@thread.tacv2",
    };

    [Fact]
    public async Task ScheduleAndMarkSent_WriteTheColumnsAndTypesOfTheUntypedRows()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaart = "layout-" + Guid.NewGuid().ToString("N")[..8];
        TableReminderStore store = new(storage.Tables);
        await store.ScheduleAsync(NewReminder(kaart), ct);

        TableEntity due = await RawAsync("due", DueRow(kaart), ct);
        TableEntity pointer = await RawAsync("k|" + kaart, "Evaluatie|" + kaart, ct);
        Assert.Equal(["DueAt", "DueRow", "Status"], Columns(pointer));
        Assert.Equal(["Attempts", "DueAt", "KaartId", "Kind", "ScheduledFor", "ServiceUrl", "TeamId", "TenantId", "ThreadId"], Columns(due));
        Assert.Equal(Types(OldDueRow(kaart, claimed: false)), Types(due));
        Assert.Equal(Types(new TableEntity { ["Status"] = "Scheduled", ["DueAt"] = Due, ["DueRow"] = DueRow(kaart) }), Types(pointer));

        Reminder claim = Assert.Single(await store.GetDueAsync(Due, 1000, ct), r => r.KaartId == kaart);
        claim = (await store.TryClaimAsync(claim, Due, Due.AddMinutes(5), ct))!;
        TableEntity claimedRow = await RawAsync("due", DueRow(kaart), ct);
        Assert.Equal(Types(OldDueRow(kaart, claimed: true)), Types(claimedRow));

        await store.MarkSentAsync(claim, "a-1", Due.AddMinutes(1), null, ct);
        TableEntity sent = await RawAsync("k|" + kaart, "Evaluatie|" + kaart, ct);
        Assert.Equal(["DueAt", "LeavingRow", "SentActivityId", "SentAt", "Status"], Columns(sent));
        Assert.Equal(typeof(DateTimeOffset), sent["SentAt"].GetType());
        Assert.Equal("Sent", sent.GetString("Status"));
    }

    [Fact]
    public async Task RowsWrittenUntyped_AreReadClaimedAndSent()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaart = "untyped-" + Guid.NewGuid().ToString("N")[..8];
        TableReminderStore store = new(storage.Tables);
        await Table.AddEntityAsync(OldDueRow(kaart, claimed: false), ct);
        await Table.AddEntityAsync(
            new TableEntity("k|" + kaart, "Evaluatie|" + kaart) { ["Status"] = "Scheduled", ["DueAt"] = Due, ["DueRow"] = DueRow(kaart), ["LeavingRow"] = null },
            ct);

        ReminderState? state = await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct);
        Reminder due = Assert.Single(await store.GetDueAsync(Due, 1000, ct), r => r.KaartId == kaart);
        Reminder? claim = await store.TryClaimAsync(due, Due, Due.AddMinutes(5), ct);
        Assert.NotNull(claim);
        await store.MarkSentAsync(claim, "a-1", Due.AddMinutes(1), null, ct);

        Assert.Equal((ReminderStatus.Scheduled, Due), (state?.Status, state?.DueAt));
        Assert.Equal((ReminderKind.Evaluatie, "19:team@thread.tacv2", "t-1", 2, Due.AddMinutes(-30)), (due.Kind, due.TeamId, due.TenantId, due.Attempts, due.ScheduledFor));
        Assert.Equal((ReminderStatus.Sent, "a-1"), ((await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))?.Status, (await store.GetStateAsync(kaart, ReminderKind.Evaluatie, ct))?.SentActivityId));
        Assert.DoesNotContain(await store.GetDueAsync(Due.AddDays(1), 1000, ct), r => r.KaartId == kaart);
    }

    private static string DueRow(string kaart) => $"{Due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{kaart}|Evaluatie";

    /// <summary>A due row as the untyped store wrote it.</summary>
    private static TableEntity OldDueRow(string kaart, bool claimed) => new("due", DueRow(kaart))
    {
        ["KaartId"] = kaart,
        ["Kind"] = "Evaluatie",
        ["DueAt"] = Due,
        ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["ThreadId"] = $"19:c@thread.tacv2;messageid={kaart}",
        ["TenantId"] = "t-1",
        ["BotId"] = null,
        ["TeamId"] = "19:team@thread.tacv2",
        ["Attempts"] = claimed ? 0 : 2,
        ["ClaimedUntil"] = claimed ? Due.AddMinutes(5) : null,
        ["FirstClaimedAt"] = claimed ? Due : null,
        ["ScheduledFor"] = claimed ? Due : Due.AddMinutes(-30),
    };

    [Fact]
    public async Task Escalation_IsStoredAndFoundUnderTheNameItAlwaysHad()
    {
        // The kind was renamed in code (Escalatie → Escalation); escalations scheduled before must still be read and sent.
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaart = "kind-" + Guid.NewGuid().ToString("N")[..8];
        TableReminderStore store = new(storage.Tables);
        await store.ScheduleAsync(NewReminder(kaart) with { Kind = ReminderKind.Escalation }, ct);

        string ticks = Due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        Assert.Equal("Escalatie", (await RawAsync("due", $"{ticks}|{kaart}|Escalatie", ct)).GetString("Kind"));
        Assert.Equal("Scheduled", (await RawAsync("k|" + kaart, "Escalatie|" + kaart, ct)).GetString("Status"));
        Reminder due = Assert.Single(await store.GetDueAsync(Due, 1000, ct), r => r.KaartId == kaart);
        Assert.Equal((ReminderKind.Escalation, "r-Escalatie-" + Due.UtcTicks.ToString(CultureInfo.InvariantCulture)), (due.Kind, due.PostId));
        Assert.Equal(ReminderStatus.Scheduled, (await store.GetStateAsync(kaart, ReminderKind.Escalation, ct))?.Status);
    }

    private async Task<TableEntity> RawAsync(string partition, string row, CancellationToken ct) =>
        (await Table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: ct)).Value;

    private static string[] Columns(TableEntity entity) => [.. entity.Keys.Except(SystemColumns).Order(StringComparer.Ordinal)];

    /// <summary>Each non-empty column with the type it reads back as (so an Edm type change shows).</summary>
    private static string[] Types(TableEntity entity) =>
        [.. entity.Where(c => !SystemColumns.Contains(c.Key) && c.Value is not null).Select(c => $"{c.Key}:{c.Value!.GetType().Name}").Order(StringComparer.Ordinal)];
}
