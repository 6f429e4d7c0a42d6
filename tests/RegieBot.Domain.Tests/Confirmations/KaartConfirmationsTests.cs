using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Confirmations;

public sealed class KaartConfirmationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly KaartContent Content = new()
    {
        Professionals =
        [
            new Professional { Id = "p1", Naam = "Sanne de Vries", Functie = "Jeugdconsulent", Organisatie = "Gemeente", AadObjectId = "aad-sanne", TeamsUserId = "29:sanne" },
            new Professional { Id = "p2", Naam = "Ahmed El Amrani", Functie = "Maatschappelijk werker", Organisatie = "Wijkteam", AadObjectId = "aad-ahmed", TeamsUserId = "29:ahmed" },
            new Professional { Id = "p3", Naam = "Petra Jansen", Functie = "Gezinsvoogd", Organisatie = "GI", Contact = "p@example.org" },
        ],
        Regievoeren = [new("r1", "Ahmed heeft de casusregie."), new("r2", "De school meldt verzuim.")],
        Afstemming = [new("s1", "Elke twee weken overleg.")],
        AanspreekpuntId = "p2",
        BewakerId = "p1",
    };

    private static Kaart Kaart(KaartContent content) => new()
    {
        Id = "k1",
        Casus = "Familie T.",
        Location = new("19:c;messageid=1", "19:c", null, null, "https://smba.trafficmanager.net/emea/"),
        Content = content,
    };

    private static Confirmation Confirm(KaartContent content, string id) =>
        new(id, content.Find(id)!.AadObjectId!, Now, RoleFingerprints.Of(content, content.Find(id)!));

    [Fact]
    public void ConfirmableBy_OwnLinkedEntry_IsThatEntry()
    {
        KaartConfirmations state = new(Kaart(Content), []);

        Assert.Equal("p2", state.ConfirmableBy("aad-ahmed", null)?.Id);
        Assert.Equal("p2", state.ConfirmableBy("aad-ahmed", "p2")?.Id);
    }

    [Theory]
    [InlineData("aad-ahmed", "p1")]       // someone else's button
    [InlineData("aad-outsider", null)]    // not on the kaart
    [InlineData(null, null)]              // no Entra id
    [InlineData("", "p3")]
    public void ConfirmableBy_AnyoneElse_IsNobody(string? aad, string? professionalId)
    {
        Assert.Null(new KaartConfirmations(Kaart(Content), []).ConfirmableBy(aad, professionalId));
    }

    [Fact]
    public void Of_ConfirmationOfTheSameRole_Counts()
    {
        KaartConfirmations state = new(Kaart(Content), [Confirm(Content, "p1")]);

        Assert.NotNull(state.Of(Content.Professionals[0]));
        Assert.Equal(["p1"], state.Confirmed.Select(p => p.Id));
        Assert.Equal(["p2"], state.Unconfirmed.Select(p => p.Id));
    }

    [Fact]
    public void Of_AfterOwnEntryChanged_IsReset()
    {
        KaartContent changed = Content with { Professionals = [Content.Professionals[0] with { Functie = "Teamleider" }, .. Content.Professionals.Skip(1)] };

        Assert.Null(new KaartConfirmations(Kaart(changed), [Confirm(Content, "p1")]).Of(changed.Professionals[0]));
    }

    [Fact]
    public void Of_AfterAnAgreementNamingThemChanged_IsReset()
    {
        KaartContent changed = Content with { Regievoeren = [new("r1", "Ahmed heeft de casusregie en belt wekelijks."), Content.Regievoeren[1]] };
        KaartConfirmations state = new(Kaart(changed), [Confirm(Content, "p1"), Confirm(Content, "p2")]);

        Assert.Null(state.Of(changed.Professionals[1]));
        Assert.NotNull(state.Of(changed.Professionals[0]));
    }

    [Fact]
    public void Of_AfterTheirRoleChanged_IsReset()
    {
        KaartContent changed = Content with { AanspreekpuntId = "p1" };
        KaartConfirmations state = new(Kaart(changed), [Confirm(Content, "p1"), Confirm(Content, "p2")]);

        Assert.Null(state.Of(changed.Professionals[0]));
        Assert.Null(state.Of(changed.Professionals[1]));
    }

    [Fact]
    public void Of_AfterAnUnrelatedChange_IsKept()
    {
        KaartContent changed = Content with
        {
            Afstemming = [new("s1", "Elke week overleg.")],
            Regievoeren = [.. Content.Regievoeren, new("r3", "De huisarts wordt op de hoogte gehouden.")],
            Evaluatiedatum = new DateOnly(2027, 3, 1),
        };

        KaartConfirmations state = new(Kaart(changed), [Confirm(Content, "p1"), Confirm(Content, "p2")]);

        Assert.Equal(["p1", "p2"], state.Confirmed.Select(p => p.Id));
    }

    [Fact]
    public void Of_ConfirmationByAnotherPersonThanTheEntry_DoesNotCount()
    {
        Confirmation forged = Confirm(Content, "p1") with { AadObjectId = "aad-ahmed" };

        Assert.Null(new KaartConfirmations(Kaart(Content), [forged]).Of(Content.Professionals[0]));
    }

    [Theory]
    [InlineData("Ahmed belt het gezin", true)]
    [InlineData("ahmed el amrani belt", true)]
    [InlineData("Ahmedabad is een stad", false)]
    [InlineData("Het gezin belt zelf", false)]
    public void Names_MatchesWholeFirstOrFullName(string agreement, bool expected)
    {
        Assert.Equal(expected, RoleFingerprints.Names(agreement, Content.Professionals[1]));
    }
}
