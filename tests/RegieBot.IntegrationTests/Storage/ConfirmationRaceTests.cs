using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class ConfirmationRaceTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private async Task<Kaart> SavedKaartAsync(int professionals)
    {
        TableKaartStore store = new(storage.Tables);
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
        DialogState dialog = await store.CreateDialogAsync(RegieDialog.Start(id, "Familie R.", location, "aad-1", Now) with { Draft = content }, TestContext.Current.CancellationToken);
        return await store.SaveVersionAsync(
            new Kaart { Id = id, Casus = "Familie R.", Location = location, Content = content, CreatedAt = Now, UpdatedAt = Now },
            dialog with { Status = DialogStatus.Saved },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ConfirmAsync_FiftyProfessionalsAtOnceOnSeparateInstances_AllFiftyAreStored()
    {
        Kaart kaart = await SavedKaartAsync(50);
        CancellationToken ct = TestContext.Current.CancellationToken;

        bool[] recorded = await Task.WhenAll(kaart.Content.Professionals.Select(p =>
            new TableKaartStore(storage.Tables).ConfirmAsync(
                kaart.Id, new Confirmation(p.Id, p.AadObjectId!, Now, RoleFingerprints.Of(kaart.Content, p)), null, ct)));

        KaartSnapshot? snapshot = await new TableKaartStore(storage.Tables).GetSnapshotAsync(kaart.Id, ct);
        Assert.All(recorded, Assert.True);
        Assert.Equal(50, snapshot!.Confirmations.Count);
        Assert.Equal(50, snapshot.State.Confirmed.Count());
    }

    [Fact]
    public async Task ConfirmAsync_SameProfessionalTwentyTimesAtOnce_IsRecordedOnceAndNeverFails()
    {
        Kaart kaart = await SavedKaartAsync(2);
        Professional p = kaart.Content.Professionals[0];
        CancellationToken ct = TestContext.Current.CancellationToken;

        bool[] recorded = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            new TableKaartStore(storage.Tables).ConfirmAsync(
                kaart.Id, new Confirmation(p.Id, p.AadObjectId!, Now.AddMilliseconds(i), RoleFingerprints.Of(kaart.Content, p)), null, ct)));

        Assert.Equal(1, recorded.Count(r => r));
        Assert.Single((await new TableKaartStore(storage.Tables).GetSnapshotAsync(kaart.Id, ct))!.Confirmations);
    }

    [Fact]
    public async Task ConfirmAsync_AfterTheRoleChanged_ReplacesTheOldConfirmation()
    {
        Kaart kaart = await SavedKaartAsync(2);
        Professional p = kaart.Content.Professionals[0];
        TableKaartStore store = new(storage.Tables);
        CancellationToken ct = TestContext.Current.CancellationToken;
        await store.ConfirmAsync(kaart.Id, new Confirmation(p.Id, p.AadObjectId!, Now, "old-fingerprint"), null, ct);

        bool recorded = await store.ConfirmAsync(kaart.Id, new Confirmation(p.Id, p.AadObjectId!, Now.AddDays(1), RoleFingerprints.Of(kaart.Content, p)), null, ct);

        KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaart.Id, ct);
        Assert.True(recorded);
        Assert.Equal(Now.AddDays(1), Assert.Single(snapshot!.Confirmations).ConfirmedAt);
        Assert.NotNull(snapshot.State.Of(p));
    }
}
