using Azure.Data.Tables;
using RegieBot.Domain;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
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
    public async Task IndexRows_KeepTheirColumns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string id = Guid.NewGuid().ToString("N")[..10];
        KaartLocation location = new($"19:c{id}@thread.tacv2;messageid=1", $"19:c{id}@thread.tacv2", "19:team" + id + "@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");
        DialogState dialog = await _store.CreateDialogAsync(RegieDialog.Start("k" + id, "Familie T.", location, "aad-1", Now), [], ct);
        Professional linked = new() { Id = "p1", Naam = "P", AadObjectId = "aad-" + id, TeamsUserId = "29:1" };
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
        Assert.Equal(["Casus", "KaartId", "Saved"], Columns(thread));
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
        RecordedPost post = await _store.BeginPostAsync(kaartId, "post-1", "19:c@thread.tacv2", ct);
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
