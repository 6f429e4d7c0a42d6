using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

/// <summary>
/// The typed entities write the columns the untyped rows always had, and rows written before them still read:
/// existing data must survive the refactor.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TypedRowLayoutTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] SystemColumns = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];
    private readonly TableKaartStore _store = new(storage.Tables, TimeProvider.System);

    [Fact]
    public async Task FindByThreadAsync_ReadsTheThreadRowWithoutTheChannelTabsSummary()
    {
        // Every turn in a thread reads its thread row; the summary (names, confirmations) is only the channel tab's.
        CancellationToken ct = TestContext.Current.CancellationToken;
        (DialogState dialog, KaartLocation location) = await StartDialogAsync(ct);
        UriRecorder uris = new();
        TableClientOptions options = new();
        options.AddPolicy(uris, Azure.Core.HttpPipelinePosition.PerCall);
        TableKaartStore recorded = new(new RegieTables(new TableServiceClient(AzuriteStorage.ConnectionString, options), storage.Options), TimeProvider.System);

        ThreadKaart? thread = await recorded.FindByThreadAsync(location.ThreadId, ct);

        Assert.Equal(dialog.KaartId, thread?.KaartId);
        string read = Assert.Single(uris.All);
        Assert.Contains("select=RowKey,KaartId,Casus,Saved", Uri.UnescapeDataString(read), StringComparison.Ordinal);
    }

    private sealed class UriRecorder : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> All { get; } = new();

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            All.Enqueue(message.Request.Uri.ToString());
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            All.Enqueue(message.Request.Uri.ToString());
            return ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task IndexRows_KeepTheirColumns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (DialogState dialog, KaartLocation location) = await StartDialogAsync(ct);
        Professional linked = new() { Id = "p1", Naam = "P", AadObjectId = "aad-" + dialog.KaartId, TeamsUserId = "29:1" };
        Kaart kaart = new()
        {
            Id = dialog.KaartId,
            Casus = dialog.Casus,
            Location = location,
            Content = dialog.Draft with { Professionals = [linked], Evaluatiedatum = new DateOnly(2027, 2, 23) },
            Version = 1,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await _store.SaveVersionAsync(kaart, null, ct);

        TableEntity thread = await Raw(RegieTables.Threads, KaartLocation.ChannelOf(location.ThreadId), location.ThreadId, ct);
        Assert.Equal(["Casus", "KaartId", "Saved", "Summary"], Columns(thread));   // the channel tab's summary, with the row
        Assert.Equal(kaart.Id, thread.GetString("KaartId"));
        Assert.True(thread.GetBoolean("Saved"));
        foreach ((string table, string partition) in new[] { (RegieTables.MemberIndex, linked.AadObjectId), (RegieTables.TeamIndex, location.TeamId!) })
        {
            TableEntity entry = await Raw(table, partition, kaart.Id, ct);
            Assert.Equal(["Casus", "Evaluatiedatum", "Status", "ThreadId"], Columns(entry));
            Assert.Equal("2027-02-23", entry.GetString("Evaluatiedatum"));
            Assert.Equal(nameof(KaartStatus.Actief), entry.GetString("Status"));
        }
    }

    [Fact]
    public async Task RecordRows_KeepTheirColumns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaartId = "k" + Guid.NewGuid().ToString("N")[..10];
        RecordedPost post = await _store.BeginPostAsync(kaartId, "post-1", "19:c@thread.tacv2", isCard: true, ct);
        Assert.Equal(["ConversationId", "IsCard"], Columns(Assert.Single(await Partition(kaartId, ct))));
        Assert.True(await _store.CompletePostAsync(post, "a-1", ct));
        await _store.AddEscalationAsync(kaartId, "aad-1", "Geen voortgang", Now, ct);

        TableEntity[] rows = await Partition(kaartId, ct);
        Assert.Equal(["ActivityId", "ConversationId", "IsCard"], Columns(Assert.Single(rows, r => r.RowKey.StartsWith("m-", StringComparison.Ordinal))));
        Assert.Equal(["At", "By", "Reason"], Columns(Assert.Single(rows, r => r.RowKey.StartsWith("o-", StringComparison.Ordinal))));
        Assert.Equal("a-1", (await _store.GetPostAsync(kaartId, "post-1", ct))?.ActivityId);
    }

    [Fact]
    public async Task UntypedRows_StillRead()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = Guid.NewGuid().ToString("N")[..10];
        string threadId = $"19:c{id}@thread.tacv2;messageid=1";
        await storage.Tables.Get(RegieTables.Threads).AddEntityAsync(
            new TableEntity(TableKey.Encode(KaartLocation.ChannelOf(threadId)), TableKey.Encode(threadId)) { ["KaartId"] = "k" + id, ["Casus"] = "Familie T.", ["Saved"] = true }, ct);
        await storage.Tables.Get(RegieTables.MemberIndex).AddEntityAsync(
            new TableEntity(TableKey.Encode("aad-" + id), TableKey.Encode("k" + id))
            {
                ["Casus"] = "Familie T.", ["Evaluatiedatum"] = "2027-02-23", ["Status"] = nameof(KaartStatus.Afgesloten), ["ThreadId"] = threadId,
            },
            ct);

        Assert.Equal(new ThreadKaart(threadId, "k" + id, "Familie T.", true), await _store.FindByThreadAsync(threadId, ct));
        MemberKaart member = Assert.Single(await _store.ListByMemberAsync("aad-" + id, ct));
        Assert.Equal(new MemberKaart("k" + id, "Familie T.", new DateOnly(2027, 2, 23), KaartStatus.Afgesloten, threadId), member);
    }

    [Fact]
    public async Task KaartPartitionRows_KeepTheirColumnsAndTypes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (DialogState dialog, KaartLocation location) = await StartDialogAsync(ct);
        string[] locationColumns = ["ChannelId", "ServiceUrl", "TeamId", "TenantId", "ThreadId"];
        TableEntity dialogRow = await Raw(RegieTables.Kaarten, dialog.KaartId, "dialog", ct);
        Assert.Equal(
            [.. new[] { "BaseVersion", "Casus", "Draft0", "DraftChunks", "IsUpdate", "LastEditedBy", "Revision", "Status", "Step", "UpdatedAt" }.Concat(locationColumns).Order(StringComparer.Ordinal)],
            Columns(dialogRow));
        Assert.IsType<int>(dialogRow["Revision"]);
        Assert.IsType<bool>(dialogRow["IsUpdate"]);
        Assert.IsType<DateTimeOffset>(dialogRow["UpdatedAt"]);

        Kaart kaart = new()
        {
            Id = dialog.KaartId,
            Casus = dialog.Casus,
            Location = location,
            Content = dialog.Draft with { Evaluatiedatum = new DateOnly(2027, 2, 23) },
            Version = 1,
            CreatedAt = Now,
            UpdatedAt = Now,
            UpdatedBy = "aad-1",
        };
        string token = Now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "a";
        OutboxItem[] effects = [OutboxItem.Of(token, OutboxEffect.Indexes) with { RemovedMembers = ["aad-2", "aad-3"] }, OutboxItem.Of(token, OutboxEffect.Evaluation) with { BotId = "28:bot", DueAt = Now }, OutboxItem.Update(token, "a-1", "{}")];
        Kaart saved = await _store.SaveVersionAsync(kaart, dialog with { Status = DialogStatus.Saved }, effects, token, ct);
        string[] kaartColumns = [.. new[] { "Casus", "Content0", "ContentChunks", "CreatedAt", "Evaluatiedatum", "Status", "UpdatedAt", "UpdatedBy", "Version" }.Concat(locationColumns)];
        TableEntity kaartRow = await Raw(RegieTables.Kaarten, kaart.Id, "kaart", ct);
        Assert.Equal([.. kaartColumns.Append("CommitToken").Order(StringComparer.Ordinal)], Columns(kaartRow));
        Assert.IsType<int>(kaartRow["Version"]);
        Assert.IsType<int>(kaartRow["ContentChunks"]);
        Assert.IsType<DateTimeOffset>(kaartRow["CreatedAt"]);
        Assert.Equal("2027-02-23", kaartRow.GetString("Evaluatiedatum"));
        TableEntity versionRow = await Raw(RegieTables.Kaarten, kaart.Id, "v000001", ct);
        Assert.Equal([.. kaartColumns.Order(StringComparer.Ordinal)], Columns(versionRow));
        TableEntity[] items = [.. (await Partition(kaart.Id, ct)).Where(r => r.RowKey.StartsWith("x-", StringComparison.Ordinal)).OrderBy(r => r.GetString("Effect"), StringComparer.Ordinal)];
        Assert.Equal([["ActivityId", "Card", "Effect"], ["BotId", "DueAt", "Effect"], ["Effect", "RemovedMembers"]], items.Select(Columns));
        Assert.Equal("aad-2\naad-3", items[2].GetString("RemovedMembers"));
        Assert.IsType<DateTimeOffset>(items[1]["DueAt"]);

        List<string> active = [];
        await foreach (Kaart listed in _store.ListActiveAsync(ct))
        {
            active.Add(listed.Id);
        }

        Assert.Contains(kaart.Id, active);
        KaartSnapshot snapshot = (await _store.GetSnapshotAsync(kaart.Id, ct))!;
        await _store.ConfirmAsync(snapshot, new Confirmation("p1", "aad-1", Now, "fp"), [], ct);
        await _store.CommitAsync(new KaartCommit(kaart.Id, token + "b", []) { Proposal = new ChangeProposal("w1", "aad-1", "p1", "Vaker bellen", Now) }, ct);
        TableEntity seal = await Raw(RegieTables.Kaarten, kaart.Id, "c", ct);
        Assert.Equal(["Revision"], Columns(seal));
        Assert.Equal(1L, Assert.IsType<long>(seal["Revision"]));
        Assert.Equal(["AadObjectId", "ConfirmedAt", "ProfessionalId", "RoleFingerprint"], Columns(await Raw(RegieTables.Kaarten, kaart.Id, "c-p1", ct)));
        Assert.Equal(["At", "CommitToken", "ProfessionalId", "ProposedBy", "Text"], Columns(await Raw(RegieTables.Kaarten, kaart.Id, "w-w1", ct)));

        KaartSnapshot after = (await _store.GetSnapshotAsync(kaart.Id, ct))!;
        Assert.Equal((saved.Version, saved.Content.Evaluatiedatum, saved.UpdatedBy), (after.Kaart.Version, after.Kaart.Content.Evaluatiedatum, after.Kaart.UpdatedBy));
        Assert.Equal(1, after.Revision);
        Assert.Equal(new Confirmation("p1", "aad-1", Now, "fp"), after.Confirmations.Single() with { ETag = null });
        Assert.Equal(new ChangeProposal("w1", "aad-1", "p1", "Vaker bellen", Now), after.Proposals.Single());
    }

    [Fact]
    public async Task WorkRows_KeepTheirColumnsAndTypes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaartId = "k" + Guid.NewGuid().ToString("N")[..10];
        TableOutboxStore outbox = new(storage.Tables);
        await outbox.MarkEraseAsync(kaartId, "Verwijderd", "a-1", Now, ct);
        TableEntity erase = await Raw(RegieTables.Work, "erase", kaartId, ct);
        Assert.Equal(["Attempts", "KeepActivityId", "NotBefore", "Notice"], Columns(erase));
        Assert.IsType<int>(erase["Attempts"]);
        Assert.IsType<DateTimeOffset>(erase["NotBefore"]);
        Assert.True(await outbox.IsErasingAsync(kaartId, ct));
        PendingWork due = Assert.Single(await outbox.FindDueAsync(Now, 100, ct), w => w.KaartId == kaartId);
        Assert.Equal(("Verwijderd", "a-1", true, Now), (due.Notice, due.KeepActivityId, due.Erase, due.NotBefore));
    }

    [Fact]
    public async Task UntypedKaartRows_StillRead()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string kaartId = "k" + Guid.NewGuid().ToString("N")[..10];
        string pk = TableKey.Encode(kaartId);
        string content = System.Text.Json.JsonSerializer.Serialize(new KaartContent { Evaluatiedatum = new DateOnly(2027, 2, 23) }, StorageJsonContext.Default.KaartContent);
        TableClient kaarten = storage.Tables.Get(RegieTables.Kaarten);
        await kaarten.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity(pk, "kaart")
                {
                    ["Casus"] = "Familie T.", ["Version"] = 2, ["Status"] = nameof(KaartStatus.Afgesloten), ["CreatedAt"] = Now, ["UpdatedAt"] = Now,
                    ["ThreadId"] = "19:c@thread.tacv2;messageid=1", ["ChannelId"] = "19:c@thread.tacv2", ["ServiceUrl"] = "https://smba/",
                    ["Criterium"] = nameof(AfschaalCriterium.HulpAdequaatGeorganiseerd), ["ClosedAt"] = Now, ["ClosedBy"] = "aad-1", ["RetentionDueAt"] = Now.AddDays(30),
                    ["Content0"] = content[..10], ["Content1"] = content[10..], ["ContentChunks"] = 2,
                }),
                new(TableTransactionActionType.Add, new TableEntity(pk, "c") { ["Revision"] = 7L }),
                new(TableTransactionActionType.Add, new TableEntity(pk, "c-p1") { ["ProfessionalId"] = "p1", ["AadObjectId"] = "aad-1", ["ConfirmedAt"] = Now, ["RoleFingerprint"] = "fp" }),
                new(TableTransactionActionType.Add, new TableEntity(pk, "w-w1") { ["ProposedBy"] = "aad-1", ["Text"] = "Vaker bellen", ["At"] = Now }),
                new(TableTransactionActionType.Add, new TableEntity(pk, "x-i1") { ["Effect"] = nameof(OutboxEffect.Indexes), ["RemovedMembers"] = "aad-2\naad-3" }),
            ],
            ct);

        KaartSnapshot snapshot = (await _store.GetSnapshotAsync(kaartId, ct))!;
        Assert.Equal((2, KaartStatus.Afgesloten, new DateOnly(2027, 2, 23)), (snapshot.Kaart.Version, snapshot.Kaart.Status, snapshot.Kaart.Content.Evaluatiedatum));
        Assert.Equal(new KaartClosure(AfschaalCriterium.HulpAdequaatGeorganiseerd, null, Now, "aad-1", Now.AddDays(30)), snapshot.Kaart.Closure);
        Assert.Equal(7, snapshot.Revision);
        Assert.Equal(new Confirmation("p1", "aad-1", Now, "fp"), snapshot.Confirmations.Single() with { ETag = null });
        Assert.Equal(new ChangeProposal("w1", "aad-1", null, "Vaker bellen", Now), snapshot.Proposals.Single());
        OutboxItem item = Assert.Single(await new TableOutboxStore(storage.Tables).GetItemsAsync(kaartId, ct));
        Assert.Equal(["aad-2", "aad-3"], item.RemovedMembers);
        Assert.Equal(Now.AddDays(30), (await _store.GetFootprintAsync(kaartId, ct))?.RetentionDueAt);
    }

    private async Task<(DialogState Dialog, KaartLocation Location)> StartDialogAsync(CancellationToken ct)
    {
        string id = Guid.NewGuid().ToString("N")[..10];
        KaartLocation location = new($"19:c{id}@thread.tacv2;messageid=1", $"19:c{id}@thread.tacv2", "19:team" + id + "@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");
        return (await _store.CreateDialogAsync(RegieDialog.Start("k" + id, "Familie T.", location, "aad-1", Now), [], ct), location);
    }

    private async Task<TableEntity> Raw(string table, string partition, string row, CancellationToken ct) =>
        (await storage.Tables.Get(table).GetEntityAsync<TableEntity>(TableKey.Encode(partition), TableKey.Encode(row), cancellationToken: ct)).Value;

    private async Task<TableEntity[]> Partition(string kaartId, CancellationToken ct)
    {
        string pk = TableKey.Encode(kaartId);
        List<TableEntity> rows = [];
        await foreach (TableEntity row in storage.Tables.Get(RegieTables.Kaarten).QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return [.. rows];
    }

    private static string[] Columns(TableEntity entity) => [.. entity.Keys.Except(SystemColumns).Order(StringComparer.Ordinal)];
}
