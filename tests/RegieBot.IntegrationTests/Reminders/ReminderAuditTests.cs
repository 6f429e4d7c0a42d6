using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Bot;
using RegieBot.IntegrationTests.Storage;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Reminders;

/// <summary>The daily audit: an active kaart whose evaluation reminder was lost gets it back; others are left alone.</summary>
[Trait("Category", "Integration")]
public sealed class ReminderAuditTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly RecordingConnector _teams = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TableClient Reminders => storage.Tables.Get(RegieTables.Reminders);

    [Fact]
    public async Task RepairAsync_DueRowGone_SchedulesTheEvaluationAgainAtTheSameMoment()
    {
        (KaartFlow flow, Kaart kaart) = await SavedAsync();
        using (flow.App)
        {
            IReminderStore reminders = flow.App.Services.GetRequiredService<IReminderStore>();
            ReminderState before = (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct))!;
            await DeleteDueRowsAsync(kaart.Id);
            Assert.True(await reminders.IsLostAsync(kaart.Id, ReminderKind.Evaluatie, Ct));

            await RepairedAsync(flow, kaart, before);
        }
    }

    [Fact]
    public async Task RepairAsync_DueRowGone_ReadsTheEvaluationPointerOnceToFindIt()
    {
        StorageRequestCounter storageRequests = new();
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams, storagePolicy: storageRequests);
        KaartFlow flow = new(app, ChannelSimulator.For(app), _teams);
        (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);
        using (app)
        {
            await DeleteDueRowsAsync(kaart.Id);
            storageRequests.Clear();

            Assert.Equal(1, await app.Services.GetRequiredService<RegieBot.Evaluation.ReminderAudit>().RepairAsync(Ct));

            // One read finds the lost reminder and the moment it names; the second is the schedule's own read before it moves the pointer.
            string pointer = $"PartitionKey='k|{TableKey.Encode(kaart.Id)}',RowKey='{ReminderKind.Evaluatie}|{TableKey.Encode(kaart.Id)}'";
            Assert.Equal(2, storageRequests.Paths.Count(p => p.StartsWith("GET ", StringComparison.Ordinal) && p.Contains(pointer, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task RepairAsync_NoReminderAtAll_SchedulesTheKaartsOwnEvaluation()
    {
        (KaartFlow flow, Kaart kaart) = await SavedAsync();
        using (flow.App)
        {
            IReminderStore reminders = flow.App.Services.GetRequiredService<IReminderStore>();
            ReminderState before = (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct))!;
            await DeleteDueRowsAsync(kaart.Id);
            await foreach (TableEntity pointer in Reminders.QueryAsync<TableEntity>(e => e.PartitionKey == "k|" + TableKey.Encode(kaart.Id), cancellationToken: Ct))
            {
                await Reminders.DeleteEntityAsync(pointer.PartitionKey, pointer.RowKey, cancellationToken: Ct);
            }

            Assert.Null(await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct));
            await RepairedAsync(flow, kaart, before);
        }
    }

    [Fact]
    public async Task RepairAsync_ClosedOrInStep_WritesNothing()
    {
        (KaartFlow flow, Kaart kaart) = await SavedAsync();
        using (flow.App)
        {
            await flow.Channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
            (string questionId, System.Text.Json.Nodes.JsonObject question) = flow.LatestWithVerb(RegieBot.Cards.CloseCard.Verb);
            await flow.Channel.ClickAsync(questionId, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);
            (KaartFlow other, Kaart active) = await SavedAsync();
            using (other.App)
            {
                string[] before = await RowsAsync(kaart.Id, active.Id);

                await flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderAudit>().RepairAsync(Ct);

                Assert.Equal(before, await RowsAsync(kaart.Id, active.Id));
                Assert.Equal(0, await CountDueRowsAsync(kaart.Id));
            }
        }
    }

    /// <summary>The audit runs; then the evaluation is scheduled at the moment it had, with exactly one due row.</summary>
    private async Task RepairedAsync(KaartFlow flow, Kaart kaart, ReminderState before)
    {
        await flow.App.Services.GetRequiredService<RegieBot.Evaluation.ReminderAudit>().RepairAsync(Ct);

        IReminderStore reminders = flow.App.Services.GetRequiredService<IReminderStore>();
        Assert.False(await reminders.IsLostAsync(kaart.Id, ReminderKind.Evaluatie, Ct));
        ReminderState after = (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct))!;
        Assert.Equal(ReminderStatus.Scheduled, after.Status);
        Assert.Equal(before.DueAt, after.DueAt);
        Assert.Equal(1, await CountDueRowsAsync(kaart.Id));
    }

    private async Task<(KaartFlow Flow, Kaart Kaart)> SavedAsync()
    {
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams);
        KaartFlow flow = new(app, ChannelSimulator.For(app), _teams);
        (Kaart kaart, _) = await flow.SaveKaartAsync(Ct);
        return (flow, kaart);
    }

    private async Task DeleteDueRowsAsync(string kaartId)
    {
        await foreach (TableEntity due in Reminders.QueryAsync<TableEntity>(e => e.PartitionKey == "due", cancellationToken: Ct))
        {
            if (due.GetString("KaartId") == kaartId)
            {
                await Reminders.DeleteEntityAsync(due.PartitionKey, due.RowKey, cancellationToken: Ct);
            }
        }
    }

    private async Task<int> CountDueRowsAsync(string kaartId)
    {
        int count = 0;
        await foreach (TableEntity due in Reminders.QueryAsync<TableEntity>(e => e.PartitionKey == "due", cancellationToken: Ct))
        {
            count += due.GetString("KaartId") == kaartId ? 1 : 0;
        }

        return count;
    }

    /// <summary>Every reminder row of these kaarten with its ETag: equal before and after means nothing was written.</summary>
    private async Task<string[]> RowsAsync(params string[] kaartIds)
    {
        List<string> rows = [];
        await foreach (TableEntity row in Reminders.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            if (kaartIds.Any(id => row.PartitionKey.Contains(TableKey.Encode(id), StringComparison.Ordinal) || row.GetString("KaartId") == id))
            {
                rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
