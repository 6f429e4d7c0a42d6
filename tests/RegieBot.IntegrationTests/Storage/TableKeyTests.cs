using Azure.Data.Tables;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class TableKeyTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    public static TheoryData<string> TeamsIds => new()
    {
        "19:c0ffee@thread.tacv2;messageid=1767225600123",
        "a:1Xyz_-=+",
        "29:1abc/DEF\\ghi#jkl?mno",
        "100% zeker ~ of 'niet'",
        "tab\there\nnewline\u0001\u007f\u0085",
        "emoji 🙂 en accent é",
        "~2F already looks encoded",
        "",
    };

    [Theory]
    [MemberData(nameof(TeamsIds))]
    public void Encode_AnyString_DecodesBackAndHasNoForbiddenCharacters(string id)
    {
        string key = TableKey.Encode(id);

        Assert.Equal(id, TableKey.Decode(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void Encode_PlainTeamsId_IsUnchanged()
    {
        Assert.Equal("19:c0ffee@thread.tacv2;messageid=1", TableKey.Encode("19:c0ffee@thread.tacv2;messageid=1"));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("~4")]
    [InlineData("~ZZ")]
    [InlineData("~u12")]
    public void Decode_BrokenEscape_Throws(string key)
    {
        Assert.Throws<FormatException>(() => TableKey.Decode(key));
    }

    [Theory]
    [MemberData(nameof(TeamsIds))]
    public async Task Encode_AnyString_WorksAsPartitionAndRowKeyInTableStorage(string id)
    {
        if (id.Length == 0)
        {
            return;   // an empty RowKey is valid in Azure but not a Teams id; covered by the round trip above
        }

        TableClient table = storage.Tables.Get(RegieBot.Storage.RegieTables.Conversations);
        string key = TableKey.Encode(id);
        CancellationToken ct = TestContext.Current.CancellationToken;

        await table.AddEntityAsync(new TableEntity(key, key) { ["Probe"] = "x" }, ct);
        TableEntity read = (await table.GetEntityAsync<TableEntity>(key, key, cancellationToken: ct)).Value;
        List<TableEntity> queried = [];
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(e => e.PartitionKey == key, cancellationToken: ct))
        {
            queried.Add(e);
        }

        Assert.Equal(id, TableKey.Decode(read.RowKey));
        Assert.Equal(id, TableKey.Decode(Assert.Single(queried).PartitionKey));
    }
}
