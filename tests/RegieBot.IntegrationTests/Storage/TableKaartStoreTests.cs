using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

[Trait("Category", "Integration")]
public sealed class TableKaartStoreTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TableKaartStore _store = new(storage.Tables, TimeProvider.System);

    private static DialogState NewDialog(string? thread = null)
    {
        string id = Guid.NewGuid().ToString("N")[..10];
        KaartLocation location = new(thread ?? $"19:c{id}@thread.tacv2;messageid=1767225600123", $"19:c{id}@thread.tacv2", "19:team@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");
        return RegieDialog.Start("k" + id, "Familie T.", location, "aad-1", Now);
    }

    private static KaartContent Content(int professionals, int agreements, int length = 40) => new()
    {
        Moment = Moment.MeerdereInstanties,
        Professionals = [.. Enumerable.Range(1, professionals).Select(i => new Professional
        {
            Id = "p" + i,
            Naam = $"Professional {i} " + new string('n', 60),
            Functie = "Jeugdconsulent " + new string('f', 60),
            Organisatie = "Wijkteam " + new string('o', 60),
            Contact = $"p{i}@example.org " + new string('c', 90),
            AadObjectId = i % 2 == 0 ? null : $"aad-{i}",
            TeamsUserId = i % 2 == 0 ? null : $"29:{i}",
            Regievorm = (Regievorm)(i % 4),
        })],
        Regievoeren = [.. Enumerable.Range(1, agreements).Select(i => new Agreement("r" + i, $"Afspraak {i} " + new string('x', length)))],
        Afstemming = [.. Enumerable.Range(1, agreements).Select(i => new Agreement("s" + i, $"Afstemming {i} " + new string('y', length)))],
        AanspreekpuntId = "p1",
        BewakerId = "p2",
        Datum = new DateOnly(2026, 11, 23),
        Evaluatiedatum = new DateOnly(2027, 2, 23),
        BesprokenMetClient = true,
        ProfessionalSequence = professionals,
    };

    private static Kaart KaartFrom(DialogState dialog, int version = 1) => new()
    {
        Id = dialog.KaartId,
        Casus = dialog.Casus,
        Location = dialog.Location,
        Content = dialog.Draft,
        Version = version,
        CreatedAt = Now,
        UpdatedAt = Now,
        UpdatedBy = "aad-1",
    };

    [Fact]
    public async Task CreateDialogAsync_ThenGet_ReadsBackEverything()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = NewDialog() with { Draft = Content(3, 2), Step = DialogStep.Afstemming, Revision = 7 };

        DialogState created = await _store.CreateDialogAsync(dialog, [], ct);
        DialogState? read = await _store.GetDialogAsync(dialog.KaartId, ct);
        ThreadKaart? thread = await _store.FindByThreadAsync(dialog.Location.ThreadId, ct);

        Assert.NotNull(created.ETag);
        Assert.NotNull(read);
        Assert.Equal(DialogStep.Afstemming, read.Step);
        Assert.Equal(7, read.Revision);
        Assert.Equal(dialog.Location, read.Location);
        Assert.Equal(3, read.Draft.Professionals.Count);
        Assert.Equal(dialog.Draft.Professionals[2], read.Draft.Professionals[2]);
        Assert.Equal(Regievorm.Casusregie, read.Draft.Professionals[1].Regievorm);
        Assert.Equal(new DateOnly(2027, 2, 23), read.Draft.Evaluatiedatum);
        Assert.Equal(new ThreadKaart(dialog.Location.ThreadId, dialog.KaartId, "Familie T.", Saved: false), thread);
    }

    [Fact]
    public async Task CreateDialogAsync_ThreadAlreadyHasAKaart_Conflicts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState first = NewDialog();
        await _store.CreateDialogAsync(first, [], ct);

        DialogState second = NewDialog(first.Location.ThreadId);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.CreateDialogAsync(second, [], ct));
        Assert.Null(await _store.GetDialogAsync(second.KaartId, ct));
    }

    [Fact]
    public async Task SaveDialogAsync_TwoAnswersOnTheSameRevision_OneWinsTheOtherConflicts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState stored = await _store.CreateDialogAsync(NewDialog(), [], ct);
        DialogState a = stored with { Step = DialogStep.Professionals, Revision = 1, Draft = new KaartContent { Moment = Moment.MeerdereInstanties } };
        DialogState b = stored with { Step = DialogStep.Professionals, Revision = 1, Draft = new KaartContent { Moment = Moment.Evaluatiemoment } };

        Task<DialogState>[] writes = [_store.SaveDialogAsync(a, ct), _store.SaveDialogAsync(b, ct)];
        await Task.WhenAll(writes.Select(async w => { try { await w; } catch (ConcurrencyConflictException) { } }));

        Assert.Equal(1, writes.Count(w => w.IsCompletedSuccessfully));
        Assert.Equal(1, writes.Count(w => w.IsFaulted));
        DialogState winner = await writes.Single(w => w.IsCompletedSuccessfully);
        Assert.Equal(winner.Draft.Moment, (await _store.GetDialogAsync(stored.KaartId, ct))!.Draft.Moment);
    }

    [Fact]
    public async Task SaveVersionAsync_FirstVersion_StoresKaartVersionAndIndexes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = await _store.CreateDialogAsync(NewDialog() with { Draft = Content(4, 3) }, [], ct);
        DialogState completed = dialog with { Status = DialogStatus.Saved, Revision = dialog.Revision + 1 };

        Kaart saved = await _store.SaveVersionAsync(KaartFrom(completed), completed, ct);

        Kaart? read = await _store.GetKaartAsync(dialog.KaartId, ct);
        Assert.NotNull(saved.ETag);
        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(4, read.Content.Professionals.Count);
        Assert.Equal(DialogStatus.Saved, (await _store.GetDialogAsync(dialog.KaartId, ct))!.Status);
        Assert.Single(await _store.GetVersionsAsync(dialog.KaartId, ct));
        Assert.True((await _store.FindByThreadAsync(dialog.Location.ThreadId, ct))!.Saved);
        MemberKaart member = Assert.Single(await _store.ListByMemberAsync("aad-1", ct), m => m.KaartId == dialog.KaartId);
        Assert.Equal(new DateOnly(2027, 2, 23), member.Evaluatiedatum);
        Assert.Contains(await _store.ListByMemberAsync("aad-3", ct), m => m.KaartId == dialog.KaartId);
        Assert.DoesNotContain(await _store.ListByChannelAsync(dialog.Location.ChannelId, ct), t => t.KaartId != dialog.KaartId);
    }

    [Fact]
    public async Task SaveVersionAsync_SecondVersion_KeepsTheFirstAndUpdatesTheMemberIndex()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = await _store.CreateDialogAsync(NewDialog() with { Draft = Content(3, 1) }, [], ct);
        Kaart v1 = await _store.SaveVersionAsync(KaartFrom(dialog), dialog with { Status = DialogStatus.Saved }, ct);
        DialogState update = await _store.SaveDialogAsync(RegieDialog.StartUpdate(v1, "aad-1", Now) with { ETag = (await _store.GetDialogAsync(v1.Id, ct))!.ETag }, ct);
        KaartContent changed = v1.Content with { Professionals = [.. v1.Content.Professionals.Where(p => p.Id != "p3")] };

        await _store.SaveVersionAsync(v1 with { Version = 2, Content = changed }, update with { Status = DialogStatus.Saved, Draft = changed }, ct, previous: v1);

        IReadOnlyList<Kaart> versions = await _store.GetVersionsAsync(v1.Id, ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(3, versions[0].Content.Professionals.Count);
        Assert.Equal(2, (await _store.GetKaartAsync(v1.Id, ct))!.Version);
        Assert.DoesNotContain(await _store.ListByMemberAsync("aad-3", ct), m => m.KaartId == v1.Id);
        Assert.Contains(await _store.ListByMemberAsync("aad-1", ct), m => m.KaartId == v1.Id);
    }

    [Fact]
    public async Task SaveVersionAsync_SameVersionTwiceAtOnce_OnlyOneIsSaved()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = await _store.CreateDialogAsync(NewDialog() with { Draft = Content(2, 1) }, [], ct);
        Kaart kaart = KaartFrom(dialog);

        Task<Kaart>[] saves = [.. Enumerable.Range(0, 5).Select(_ => _store.SaveVersionAsync(kaart, dialog with { Status = DialogStatus.Saved }, ct))];
        await Task.WhenAll(saves.Select(async s => { try { await s; } catch (ConcurrencyConflictException) { } }));

        Assert.Equal(1, saves.Count(s => s.IsCompletedSuccessfully));
        Assert.Single(await _store.GetVersionsAsync(dialog.KaartId, ct));
    }

    [Fact]
    public async Task SaveVersionAsync_LargeCasus_RoundTripsAcrossSeveralColumns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = await _store.CreateDialogAsync(NewDialog() with { Draft = Content(20, 30, length: 290) }, [], ct);

        await _store.SaveVersionAsync(KaartFrom(dialog), dialog with { Status = DialogStatus.Saved }, ct);

        Kaart? read = await _store.GetKaartAsync(dialog.KaartId, ct);
        Assert.Equal(20, read!.Content.Professionals.Count);
        Assert.Equal(30, read.Content.Afstemming.Count);
        Assert.Equal(dialog.Draft.Afstemming[29], read.Content.Afstemming[29]);
    }

    [Fact]
    public async Task UpdateKaartAsync_StaleETag_Conflicts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DialogState dialog = await _store.CreateDialogAsync(NewDialog() with { Draft = Content(2, 1) }, [], ct);
        Kaart saved = await _store.SaveVersionAsync(KaartFrom(dialog), dialog with { Status = DialogStatus.Saved }, ct);
        await _store.UpdateKaartAsync(saved with { CardActivityId = "1" }, ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.UpdateKaartAsync(saved with { CardActivityId = "2" }, ct));
        Assert.Equal("1", (await _store.GetKaartAsync(saved.Id, ct))!.CardActivityId);
    }
}
