using Azure.Core;
using Azure.Data.Tables;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class ConfirmationRaceTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Kaart> SavedKaartAsync(int professionals)
    {
        TableKaartStore store = NewStore();
        string id = "k" + Guid.NewGuid().ToString("N")[..12];
        KaartLocation location = new($"19:{id}@thread.tacv2;messageid=1", $"19:{id}@thread.tacv2", null, "t-1", "https://smba.trafficmanager.net/emea/");
        KaartContent content = new()
        {
            Professionals = [.. Enumerable.Range(1, professionals).Select(i => new Professional
            {
                Id = "p" + i, Naam = $"Professional {i}", Functie = "Functie", Organisatie = "Organisatie", AadObjectId = $"aad-{i}", TeamsUserId = $"29:{i}",
            })],
            Regievoeren = [new("r1", "Afspraak")],
            Afstemming = [new("s1", "Afstemming")],
            AanspreekpuntId = "p1",
            BewakerId = "p2",
        };
        DialogState dialog = await store.CreateDialogAsync(RegieDialog.Start(id, "Familie R.", location, "aad-1", Now) with { Draft = content }, [], Ct);
        return await store.SaveVersionAsync(
            new Kaart { Id = id, Casus = "Familie R.", Location = location, Content = content, CreatedAt = Now, UpdatedAt = Now },
            dialog with { Status = DialogStatus.Saved },
            Ct);
    }

    private TableKaartStore NewStore() => new(storage.Tables, TimeProvider.System);

    private static Confirmation ConfirmationOf(Kaart kaart, Professional p, DateTimeOffset at) =>
        new(p.Id, p.AadObjectId!, at, RoleFingerprints.Of(kaart.Content, p));

    /// <summary>What a bot instance does on a click: read the snapshot, then confirm against it.</summary>
    private async Task<ConfirmOutcome> ConfirmOnNewInstanceAsync(Kaart kaart, Professional p, DateTimeOffset at)
    {
        TableKaartStore store = NewStore();
        KaartSnapshot snapshot = (await store.GetSnapshotAsync(kaart.Id, Ct))!;
        return await store.ConfirmAsync(snapshot, ConfirmationOf(kaart, p, at), [], Ct);
    }

    [Fact]
    public async Task ConfirmAsync_FiftyProfessionalsAtOnceOnSeparateInstances_AllFiftyAreStored()
    {
        Kaart kaart = await SavedKaartAsync(50);

        ConfirmOutcome[] outcomes = await Task.WhenAll(kaart.Content.Professionals.Select(p => ConfirmOnNewInstanceAsync(kaart, p, Now)));

        KaartSnapshot? snapshot = await NewStore().GetSnapshotAsync(kaart.Id, Ct);
        Assert.All(outcomes, o => Assert.True(o.Recorded));
        Assert.Equal(50, snapshot!.Confirmations.Count);
        Assert.Equal(50, snapshot.State.Confirmed.Count());
        Assert.Equal(50, snapshot.Revision);
    }

    [Fact]
    public async Task ConfirmAsync_ManyAtOnce_EachReturnsTheStateWithItsOwnAndTheLastReturnsAll()
    {
        Kaart kaart = await SavedKaartAsync(12);

        ConfirmOutcome[] outcomes = await Task.WhenAll(kaart.Content.Professionals.Select(p => ConfirmOnNewInstanceAsync(kaart, p, Now)));

        for (int i = 0; i < outcomes.Length; i++)
        {
            Assert.NotNull(outcomes[i].Snapshot.State.Of(kaart.Content.Professionals[i]));
        }

        // Each recorded confirmation raised the seal by one: the returned revisions are 1..12, each the state right after that write.
        Assert.Equal(Enumerable.Range(1, 12).Select(r => (long)r), outcomes.Select(o => o.Snapshot.Revision).Order());
        Assert.All(outcomes, o => Assert.Equal(o.Snapshot.Revision, o.Snapshot.Confirmations.Count));
        KaartSnapshot last = outcomes.MaxBy(o => o.Snapshot.Revision)!.Snapshot;
        Assert.Equal(12, last.State.Confirmed.Count());
        KaartSnapshot stored = (await NewStore().GetSnapshotAsync(kaart.Id, Ct))!;
        Assert.Equal(last.SealETag, stored.SealETag);
    }

    [Fact]
    public async Task ConfirmAsync_SameProfessionalTwentyTimesAtOnce_IsRecordedOnceAndNeverFails()
    {
        Kaart kaart = await SavedKaartAsync(2);
        Professional p = kaart.Content.Professionals[0];

        ConfirmOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => ConfirmOnNewInstanceAsync(kaart, p, Now.AddMilliseconds(i))));

        Assert.Equal(1, outcomes.Count(o => o.Recorded));
        Assert.All(outcomes, o => Assert.NotNull(o.Snapshot.State.Of(p)));
        KaartSnapshot stored = (await NewStore().GetSnapshotAsync(kaart.Id, Ct))!;
        Assert.Single(stored.Confirmations);
        Assert.Equal(1, stored.Revision);
    }

    [Fact]
    public async Task ConfirmAsync_AfterTheRoleChanged_ReplacesTheOldConfirmation()
    {
        Kaart kaart = await SavedKaartAsync(2);
        Professional p = kaart.Content.Professionals[0];
        TableKaartStore store = NewStore();
        KaartSnapshot before = (await store.GetSnapshotAsync(kaart.Id, Ct))!;
        await store.ConfirmAsync(before, new Confirmation(p.Id, p.AadObjectId!, Now, "old-fingerprint"), [], Ct);

        ConfirmOutcome outcome = await store.ConfirmAsync(before, ConfirmationOf(kaart, p, Now.AddDays(1)), [], Ct);

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaart.Id, Ct);
        Assert.True(outcome.Recorded);
        Assert.Equal(Now.AddDays(1), Assert.Single(snapshot!.Confirmations).ConfirmedAt);
        Assert.NotNull(snapshot.State.Of(p));
        Assert.Equal(Now.AddDays(1), Assert.Single(outcome.Snapshot.Confirmations).ConfirmedAt);
    }

    [Fact]
    public async Task ConfirmAsync_SnapshotStaleBecauseAnotherConfirmed_RetriesAndReturnsTheFreshState()
    {
        Kaart kaart = await SavedKaartAsync(3);
        TableKaartStore store = NewStore();
        KaartSnapshot stale = (await store.GetSnapshotAsync(kaart.Id, Ct))!;
        await ConfirmOnNewInstanceAsync(kaart, kaart.Content.Professionals[1], Now);

        ConfirmOutcome outcome = await store.ConfirmAsync(stale, ConfirmationOf(kaart, kaart.Content.Professionals[0], Now), [], Ct);

        Assert.True(outcome.Recorded);
        Assert.Equal(2, outcome.Snapshot.Revision);
        Assert.Equal(["p1", "p2"], outcome.Snapshot.State.Confirmed.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task ConfirmAsync_SnapshotStaleBecauseOfAProposalOrANewVersion_ReturnsThem()
    {
        Kaart kaart = await SavedKaartAsync(3);
        TableKaartStore store = NewStore();
        KaartSnapshot stale = (await store.GetSnapshotAsync(kaart.Id, Ct))!;
        await NewStore().CommitAsync(new KaartCommit(kaart.Id, "t1", []) { Proposal = new ChangeProposal("w1", "aad-3", "p3", "Voorstel", Now) }, Ct);
        Kaart version2 = await NewStore().SaveVersionAsync(kaart with { Version = 2, UpdatedAt = Now.AddMinutes(1) }, null, Ct);

        ConfirmOutcome outcome = await store.ConfirmAsync(stale, ConfirmationOf(version2, version2.Content.Professionals[0], Now), [], Ct);

        Assert.True(outcome.Recorded);
        Assert.Equal("w1", Assert.Single(outcome.Snapshot.Proposals).Id);
        Assert.Equal(2, outcome.Snapshot.Kaart.Version);
        Assert.Equal(version2.ETag, outcome.Snapshot.Kaart.ETag);
    }

    [Fact]
    public async Task ConfirmAsync_Uncontended_IsOneReadAndOneConditionalWrite()
    {
        Kaart kaart = await SavedKaartAsync(3);
        StorageRequestCounter counter = new();
        TableClientOptions options = new();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        TableKaartStore store = new(new RegieTables(new TableServiceClient(AzuriteStorage.ConnectionString, options), storage.Options), TimeProvider.System);
        string kaartsTable = storage.TablePrefix + RegieTables.Kaarten;

        KaartSnapshot snapshot = (await store.GetSnapshotAsync(kaart.Id, Ct))!;
        ConfirmOutcome first = await store.ConfirmAsync(snapshot, ConfirmationOf(kaart, kaart.Content.Professionals[0], Now), [], Ct);
        IReadOnlyList<string> requests = counter.Requests;
        counter.Clear();
        ConfirmOutcome second = await store.ConfirmAsync(first.Snapshot, ConfirmationOf(kaart, kaart.Content.Professionals[1], Now), [], Ct);
        ConfirmOutcome replaced = await store.ConfirmAsync(second.Snapshot, new Confirmation("p1", "aad-1", Now.AddDays(1), "changed-role"), [], Ct);

        Assert.Equal(["GET " + kaartsTable, "POST $batch"], requests);

        // The ETags a confirmation returns are the stored ones (seal and row): the next one writes against them without a conflict or a read.
        Assert.Equal(["POST $batch", "POST $batch"], counter.Requests);
        Assert.True(first.Recorded && second.Recorded && replaced.Recorded);
        Assert.Equal(2, second.Snapshot.State.Confirmed.Count());
        Assert.Equal(3, replaced.Snapshot.Revision);
    }
}
