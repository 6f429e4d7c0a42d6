using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Dialog;

public sealed class DialogCompletionTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Started.AddHours(1);
    private static readonly KaartLocation Location = new("19:c@thread.tacv2;messageid=1", "19:c@thread.tacv2", "19:t@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");

    private static readonly KaartContent Draft = new()
    {
        Moment = Moment.MeerdereInstanties,
        Regievoeren = [new Agreement("a1", "Ahmed belt de school")],
        Datum = new DateOnly(2026, 12, 1),
        Evaluatiedatum = new DateOnly(2027, 3, 1),
    };

    private static DialogState Completed(int baseVersion = 0) => new()
    {
        KaartId = "k1",
        Casus = "Familie T.",
        Location = Location,
        Step = DialogStep.Afronding,
        Draft = Draft,
        Status = DialogStatus.Saved,
        IsUpdate = baseVersion > 0,
        BaseVersion = baseVersion,
        ETag = "dialog-etag",
    };

    private static Kaart Stored(int version, DateOnly? evaluatiedatum) => new()
    {
        Id = "k1",
        Casus = "Familie T.",
        Location = Location,
        Content = Draft with { Regievoeren = [new Agreement("a1", "Oud")], Evaluatiedatum = evaluatiedatum },
        Version = version,
        Status = KaartStatus.Actief,
        CardActivityId = "card-1",
        CreatedAt = Started.AddDays(-90),
        UpdatedAt = Started.AddDays(-1),
        UpdatedBy = "aad-old",
        ETag = "kaart-etag",
    };

    [Fact]
    public void A_new_kaart_is_version_one_with_the_draft_created_and_updated_now()
    {
        Kaart kaart = DialogCompletion.ToKaart(Completed(), null, null, "aad-sanne", Now);

        Assert.Equal(("k1", "Familie T.", 1, KaartStatus.Actief), (kaart.Id, kaart.Casus, kaart.Version, kaart.Status));
        Assert.Same(Draft, kaart.Content);
        Assert.Equal((Now, Now, "aad-sanne"), (kaart.CreatedAt, kaart.UpdatedAt, kaart.UpdatedBy));
        Assert.Equal(Location, kaart.Location);
        Assert.Null(kaart.CardActivityId);
        Assert.Null(kaart.ETag);   // a new kaart is inserted, not replaced
    }

    [Fact]
    public void An_update_follows_the_stored_kaart_its_card_creation_and_etag()
    {
        Kaart kaart = DialogCompletion.ToKaart(Completed(baseVersion: 2), Stored(2, new DateOnly(2026, 12, 1)), null, "aad-ahmed", Now);

        Assert.Equal(3, kaart.Version);
        Assert.Equal(("card-1", "kaart-etag"), (kaart.CardActivityId, kaart.ETag));
        Assert.Equal((Started.AddDays(-90), Now, "aad-ahmed"), (kaart.CreatedAt, kaart.UpdatedAt, kaart.UpdatedBy));
        Assert.Equal(Draft, kaart.Content);   // the draft replaces what was stored
    }

    [Fact]
    public void The_service_url_of_the_saving_turn_replaces_the_dialogs_own()
    {
        Kaart kaart = DialogCompletion.ToKaart(Completed(), null, "https://smba.trafficmanager.net/nl/", "aad-sanne", Now);

        Assert.Equal(Location with { ServiceUrl = "https://smba.trafficmanager.net/nl/" }, kaart.Location);
    }

    [Fact]
    public void An_evaluation_answered_during_the_update_is_not_moved_back()
    {
        // The update started on version 2; meanwhile "Afspraken blijven staan" saved version 3 with a later date.
        DateOnly later = new(2027, 6, 1);

        KaartContent merged = DialogCompletion.Merged(Completed(baseVersion: 2), Stored(3, later));

        Assert.Equal(Draft with { Evaluatiedatum = later }, merged);
    }

    [Theory]
    [InlineData(2, 2027, 6, 1)]   // nothing saved meanwhile: the draft's own date stands, even an earlier one
    [InlineData(3, 2027, 1, 1)]   // saved meanwhile, but with an earlier date than the draft's
    public void Otherwise_the_drafts_evaluatiedatum_stands(int storedVersion, int year, int month, int day)
    {
        KaartContent merged = DialogCompletion.Merged(Completed(baseVersion: 2), Stored(storedVersion, new DateOnly(year, month, day)));

        Assert.Same(Draft, merged);
    }
}
