using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using RegieBot.Domain.Conversations;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class TableConversationReferenceStoreTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static ConversationReference Reference(string conversationId, string serviceUrl = "https://smba.trafficmanager.net/emea/") => new()
    {
        ConversationId = conversationId,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        ConversationType = "channel",
        TenantId = "t-1",
        BotId = "28:bot",
        TeamId = "19:team@thread.tacv2",
        TeamsChannelId = "19:c0ffee@thread.tacv2",
    };

    private TableConversationReferenceStore NewStore() => new(storage.Tables, NullLogger<TableConversationReferenceStore>.Instance);

    [Fact]
    public async Task RefreshAsync_NewConversation_StoresItAndReadsItBack()
    {
        string id = "19:c0ffee@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;

        bool wrote = await NewStore().RefreshAsync(Reference(id), ct);
        ConversationReference? read = await NewStore().GetAsync(id, ct);

        Assert.True(wrote);
        Assert.NotNull(read);
        Assert.True(read.SameTargetAs(Reference(id)));
        Assert.False(string.IsNullOrEmpty(read.Version));
    }

    [Fact]
    public async Task RefreshAsync_NewConversation_IsOneInsertWithoutARead()
    {
        // Every casus starts a thread: its reference is new, so the insert goes first and nothing is read.
        string id = "19:c0ffee@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;
        StorageRequestCounter counter = new();
        TableClientOptions options = new();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        TableConversationReferenceStore counted = new(
            new RegieTables(new TableServiceClient(AzuriteStorage.ConnectionString, options), storage.Options), NullLogger<TableConversationReferenceStore>.Instance);

        Assert.True(await counted.RefreshAsync(Reference(id), ct));
        Assert.Equal(["POST " + storage.TablePrefix + RegieTables.Conversations], counter.Requests);

        // Known elsewhere, not here (another instance, or before a restart): the insert's conflict leads to the read.
        counter.Clear();
        Assert.True(await NewStore().RefreshAsync(Reference(id, "https://smba.trafficmanager.net/amer/"), ct));
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await NewStore().GetAsync(id, ct))!.ServiceUrl);
    }

    [Fact]
    public async Task RefreshAsync_DeletedBetweenReadAndReplace_GivesWayToTheErasure()
    {
        string id = "19:c0ffee@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await NewStore().RefreshAsync(Reference(id), ct);
        TableClient direct = storage.Tables.Get(RegieTables.Conversations);
        TableClientOptions options = new();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new BeforeReplace(() => direct.DeleteEntityAsync(TableKey.Encode(id), TableKey.Encode(id), cancellationToken: ct)), HttpPipelinePosition.PerCall);
        TableConversationReferenceStore racing = new(
            new RegieTables(new TableServiceClient(AzuriteStorage.ConnectionString, options), storage.Options), NullLogger<TableConversationReferenceStore>.Instance);

        bool wrote = await racing.RefreshAsync(Reference(id, "https://smba.trafficmanager.net/amer/"), ct);

        Assert.False(wrote);
        Assert.Null(await NewStore().GetAsync(id, ct));
    }

    /// <summary>Runs an action (e.g. a concurrent erasure) right before the first replace (PUT) goes out.</summary>
    private sealed class BeforeReplace(Func<Task> action) : HttpPipelinePolicy
    {
        private int _done;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await action();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task RefreshAsync_Unchanged_DoesNotWriteAgain()
    {
        string id = "a:" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await NewStore().RefreshAsync(Reference(id), ct);
        string? version = (await NewStore().GetAsync(id, ct))!.Version;

        bool wroteByOtherInstance = await NewStore().RefreshAsync(Reference(id), ct);

        Assert.False(wroteByOtherInstance);
        Assert.Equal(version, (await NewStore().GetAsync(id, ct))!.Version);
    }

    [Fact]
    public async Task RefreshAsync_ServiceUrlChanged_UpdatesTheStoredReference()
    {
        string id = "a:" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;
        TableConversationReferenceStore store = NewStore();
        await store.RefreshAsync(Reference(id), ct);

        bool wrote = await store.RefreshAsync(Reference(id, "https://smba.trafficmanager.net/amer/"), ct);

        Assert.True(wrote);
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await NewStore().GetAsync(id, ct))!.ServiceUrl);
    }

    [Fact]
    public async Task RefreshAsync_ManyInstancesAtOnce_AllSucceedAndOneValueWins()
    {
        string id = "19:race@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] urls = [.. Enumerable.Range(0, 8).Select(i => $"https://smba.trafficmanager.net/r{i}/")];

        await Task.WhenAll(urls.Select(url => NewStore().RefreshAsync(Reference(id, url), ct)));

        ConversationReference? stored = await NewStore().GetAsync(id, ct);
        Assert.Contains(stored!.ServiceUrl, urls);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await NewStore().GetAsync("a:unknown-" + Guid.NewGuid().ToString("N"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefreshAsync_MoreConversationsThanTheCacheHolds_CacheStaysBoundedAndAnswersStayRight()
    {
        string prefix = "cap:" + Guid.NewGuid().ToString("N")[..8] + ":";
        CancellationToken ct = TestContext.Current.CancellationToken;
        TableConversationReferenceStore store = new(storage.Tables, NullLogger<TableConversationReferenceStore>.Instance) { Capacity = 3 };
        for (int i = 0; i < 3; i++)
        {
            await store.RefreshAsync(Reference(prefix + i), ct);
        }

        int full = store.Remembered;
        bool wroteFourth = await store.RefreshAsync(Reference(prefix + 3), ct);
        int afterFourth = store.Remembered;
        bool wroteFirstAgain = await store.RefreshAsync(Reference(prefix + 0), ct);   // forgotten: read, found unchanged
        bool wroteChangedFirst = await store.RefreshAsync(Reference(prefix + 0, "https://smba.trafficmanager.net/amer/"), ct);

        Assert.Equal((3, true, 1), (full, wroteFourth, afterFourth));
        Assert.False(wroteFirstAgain);
        Assert.True(wroteChangedFirst);
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await store.GetAsync(prefix + 0, ct))!.ServiceUrl);
    }
}
