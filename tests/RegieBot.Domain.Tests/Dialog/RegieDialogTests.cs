using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Dialog;

public sealed class RegieDialogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DialogDefaults Defaults = new(new DateOnly(2026, 11, 30), d => d.AddMonths(3));
    private static readonly KaartLocation Location = new("19:c@thread.tacv2;messageid=1", "19:c@thread.tacv2", "19:t@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");
    private static readonly TeamMember Sanne = new("aad-sanne", "29:sanne", "Sanne de Vries");
    private static readonly TeamMember Ahmed = new("aad-ahmed", "29:ahmed", "Ahmed El Amrani");

    private static DialogState NewDialog() => RegieDialog.Start("k1", "Familie T.", Location, "aad-sanne", Now);

    private static DialogAnswer Answer(DialogState state, DialogAction action, Dictionary<string, string>? fields = null, TeamMember? member = null, string? professionalId = null) => new()
    {
        Action = action,
        Step = state.Step,
        Revision = state.Revision,
        Fields = fields ?? [],
        Member = member,
        ProfessionalId = professionalId,
        Actor = "aad-actor",
        At = Now.AddMinutes(state.Revision + 1),
    };

    private static DialogState Do(DialogState state, DialogAction action, Dictionary<string, string>? fields = null, TeamMember? member = null, string? professionalId = null)
    {
        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, action, fields, member, professionalId), Defaults);
        Assert.True(outcome.Changed, string.Join(" | ", outcome.Errors));
        return outcome.State;
    }

    private static Dictionary<string, string> Member(TeamMember member) => new()
    {
        [DialogFields.Member] = member.AadObjectId,
        [DialogFields.Functie] = "Jeugdconsulent",
        [DialogFields.Organisatie] = "Gemeente",
    };

    private static Dictionary<string, string> External(string naam) => new()
    {
        [DialogFields.Member] = DialogFields.External,
        [DialogFields.Naam] = naam,
        [DialogFields.Functie] = "Gezinsvoogd",
        [DialogFields.Organisatie] = "Gecertificeerde instelling",
        [DialogFields.Contact] = "gi@example.org",
        [DialogFields.Regievorm] = "casusregie",
    };

    private static DialogState AtProfessionalsWithTwo()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });
        state = Do(state, DialogAction.AddProfessional, Member(Sanne), Sanne);
        return Do(state, DialogAction.AddProfessional, External("Petra Jansen"));
    }

    [Fact]
    public void Apply_WholeDialog_CompletesWithEveryAnswer()
    {
        DialogState state = AtProfessionalsWithTwo();
        state = Do(state, DialogAction.Next);
        state = Do(state, DialogAction.Next, new() { [DialogFields.Afspraken] = "· Sanne heeft de casusregie\n\n- Petra bewaakt de veiligheid" });
        state = Do(state, DialogAction.Next, new() { [DialogFields.Afspraken] = "Elke twee weken overleg" });
        state = Do(state, DialogAction.Next, new() { [DialogFields.Aanspreekpunt] = "p1" });
        state = Do(state, DialogAction.Next, new() { [DialogFields.Bewaker] = "p2" });

        Assert.Equal(DialogStep.Afronding, state.Step);
        Assert.Equal(new DateOnly(2026, 11, 30), state.Draft.Datum);
        Assert.Equal(new DateOnly(2027, 2, 28), state.Draft.Evaluatiedatum);

        DialogOutcome done = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new()
        {
            [DialogFields.Datum] = "2026-11-30",
            [DialogFields.Evaluatiedatum] = "2027-02-28",
            [DialogFields.Besproken] = "true",
        }), Defaults);

        Assert.Equal(DialogOutcomeKind.Completed, done.Kind);
        KaartContent kaart = done.State.Draft;
        Assert.Equal(DialogStatus.Saved, done.State.Status);
        Assert.Equal(Moment.MeerdereInstanties, kaart.Moment);
        Assert.Equal(["Sanne heeft de casusregie", "Petra bewaakt de veiligheid"], kaart.Regievoeren.Select(a => a.Text));
        Assert.Equal("Elke twee weken overleg", Assert.Single(kaart.Afstemming).Text);
        Assert.Equal("Sanne de Vries", kaart.Aanspreekpunt?.Naam);
        Assert.Equal("Petra Jansen", kaart.Bewaker?.Naam);
        Assert.True(kaart.BesprokenMetClient);
        Assert.Equal("aad-sanne", kaart.Professionals[0].AadObjectId);
        Assert.Equal("29:sanne", kaart.Professionals[0].TeamsUserId);
        Assert.Null(kaart.Professionals[1].AadObjectId);
        Assert.Equal(Regievorm.Casusregie, kaart.Professionals[1].Regievorm);
    }

    [Fact]
    public void Apply_AnswerOnOlderRevision_IsStaleAndChangesNothing()
    {
        DialogState state = NewDialog();
        DialogAnswer first = Answer(state, DialogAction.Next, new() { [DialogFields.Moment] = "2" });
        DialogAnswer second = Answer(state, DialogAction.Next, new() { [DialogFields.Moment] = "3" });

        DialogState after = RegieDialog.Apply(state, first, Defaults).State;
        DialogOutcome late = RegieDialog.Apply(after, second, Defaults);

        Assert.Equal(DialogOutcomeKind.Stale, late.Kind);
        Assert.Same(after, late.State);
        Assert.Equal(Moment.OnduidelijkWieRegieHeeft, late.State.Draft.Moment);
    }

    [Fact]
    public void Apply_NoMomentChosen_IsInvalidWithDutchMessage()
    {
        DialogOutcome outcome = RegieDialog.Apply(NewDialog(), Answer(NewDialog(), DialogAction.Next), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("Kies waarom de regiekaart nu wordt gemaakt.", Assert.Single(outcome.Errors));
        Assert.Equal(0, outcome.State.Revision);
    }

    [Fact]
    public void Apply_NextWithOneProfessional_SaysTwoAreNeeded()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });
        state = Do(state, DialogAction.AddProfessional, Member(Sanne), Sanne);

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("Voeg minstens 2 betrokken professionals toe (nu: 1).", Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Apply_NextWithFilledFormNotYetAdded_AddsItFirst()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });
        state = Do(state, DialogAction.AddProfessional, Member(Sanne), Sanne);

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, External("Petra Jansen")), Defaults);

        Assert.Equal(DialogOutcomeKind.Moved, outcome.Kind);
        Assert.Equal(2, outcome.State.Draft.Professionals.Count);
        Assert.Equal(state.Revision + 1, outcome.State.Revision);
    }

    [Fact]
    public void Apply_AddSameMemberTwice_IsRefused()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });
        state = Do(state, DialogAction.AddProfessional, Member(Sanne), Sanne);

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, Member(Sanne), Sanne), Defaults);

        Assert.Contains("staat al op de kaart", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ExternalWithoutContact_NamesEveryMissingField()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, new() { [DialogFields.Member] = DialogFields.External }), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["Naam is verplicht.", "Functie is verplicht.", "Organisatie is verplicht.", "Telefoonnummer/email is verplicht."], outcome.Errors);
    }

    [Fact]
    public void Apply_ProfessionalWithBsnInAnyField_IsRefused()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });
        Dictionary<string, string> fields = External("Petra Jansen");
        fields[DialogFields.Contact] = "bsn 123456782";

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, fields), Defaults);

        Assert.Contains("burgerservicenummer", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MemberChosenButNotFound_IsRefused()
    {
        DialogState state = Do(NewDialog(), DialogAction.Next, new() { [DialogFields.Moment] = "1" });

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, Member(Ahmed), member: null), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void Apply_RemoveProfessional_ClearsTheirRoles()
    {
        DialogState state = AtProfessionalsWithTwo() with { Draft = AtProfessionalsWithTwo().Draft with { AanspreekpuntId = "p1", BewakerId = "p2" } };

        state = Do(state, DialogAction.RemoveProfessional, professionalId: "p1");

        Assert.Equal("p2", Assert.Single(state.Draft.Professionals).Id);
        Assert.Null(state.Draft.AanspreekpuntId);
        Assert.Equal("p2", state.Draft.BewakerId);
    }

    [Fact]
    public void Apply_ProfessionalIds_AreNeverReused()
    {
        DialogState state = AtProfessionalsWithTwo();
        state = Do(state, DialogAction.RemoveProfessional, professionalId: "p2");

        state = Do(state, DialogAction.AddProfessional, External("Kees Bakker"));

        Assert.Equal(["p1", "p3"], state.Draft.Professionals.Select(p => p.Id));
    }

    [Fact]
    public void Apply_TooManyAgreements_SaysTheLimitAndKeepsNothingHalf()
    {
        DialogState state = Do(AtProfessionalsWithTwo(), DialogAction.Next);
        string text = string.Join('\n', Enumerable.Range(1, 31).Select(i => $"Afspraak {i}"));

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new() { [DialogFields.Afspraken] = text }), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("maximaal 30 afspraken", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Empty(outcome.State.Draft.Regievoeren);
    }

    [Fact]
    public void Apply_AgreementTooLong_SaysWhichAndTheLimit()
    {
        DialogState state = Do(AtProfessionalsWithTwo(), DialogAction.Next);

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new() { [DialogFields.Afspraken] = "kort\n" + new string('x', 301) }), Defaults);

        Assert.Equal("Afspraak 2 is te lang: 301 tekens, er mogen er maximaal 300.", Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Apply_Back_KeepsValidInputOfTheStepAndMovesBack()
    {
        DialogState state = Do(AtProfessionalsWithTwo(), DialogAction.Next);

        state = Do(state, DialogAction.Back, new() { [DialogFields.Afspraken] = "Half af, maar bewaard" });

        Assert.Equal(DialogStep.Professionals, state.Step);
        Assert.Equal("Half af, maar bewaard", Assert.Single(state.Draft.Regievoeren).Text);
    }

    [Fact]
    public void Apply_BackWithInvalidInput_KeepsWhatWasStored()
    {
        DialogState state = Do(AtProfessionalsWithTwo(), DialogAction.Next);
        state = Do(state, DialogAction.Next, new() { [DialogFields.Afspraken] = "Eerste versie" });
        state = Do(state, DialogAction.Back);

        state = Do(state, DialogAction.Back, new() { [DialogFields.Afspraken] = new string('x', 400) });

        Assert.Equal(DialogStep.Professionals, state.Step);
        Assert.Equal("Eerste versie", Assert.Single(state.Draft.Regievoeren).Text);
    }

    [Fact]
    public void Apply_BackOnFirstStep_IsInvalid()
    {
        Assert.Equal(DialogOutcomeKind.Invalid, RegieDialog.Apply(NewDialog(), Answer(NewDialog(), DialogAction.Back), Defaults).Kind);
    }

    [Fact]
    public void Apply_Cancel_ClosesTheDialog()
    {
        DialogState state = Do(NewDialog(), DialogAction.Cancel);

        DialogOutcome after = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new() { [DialogFields.Moment] = "1" }), Defaults);

        Assert.Equal(DialogStatus.Cancelled, state.Status);
        Assert.Equal(DialogOutcomeKind.Closed, after.Kind);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30", "De evaluatiedatum moet na de datum liggen.")]
    [InlineData("30-11-2026", "2027-02-28", "Vul de datum in als geldige datum.")]
    [InlineData("2026-11-30", "", "Vul de evaluatiedatum in als geldige datum.")]
    public void Apply_BadDates_AreRefused(string datum, string evaluatie, string error)
    {
        DialogState state = AtProfessionalsWithTwo() with { Step = DialogStep.Afronding };

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new()
        {
            [DialogFields.Datum] = datum,
            [DialogFields.Evaluatiedatum] = evaluatie,
        }), Defaults);

        Assert.Equal(error, Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Apply_AanspreekpuntNotOnTheKaart_IsRefused()
    {
        DialogState state = AtProfessionalsWithTwo() with { Step = DialogStep.Aanspreekpunt };

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new() { [DialogFields.Aanspreekpunt] = "p9" }), Defaults);

        Assert.Equal(DialogOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void StartUpdate_IsPrefilledWithTheKaart()
    {
        KaartContent content = AtProfessionalsWithTwo().Draft;
        Kaart kaart = new() { Id = "k1", Casus = "Familie T.", Location = Location, Content = content, Version = 3 };

        DialogState state = RegieDialog.StartUpdate(kaart, "aad-x", Now);

        Assert.True(state.IsUpdate);
        Assert.Equal(content.Professionals, state.Draft.Professionals);
        Assert.Equal(3, state.BaseVersion);
        Assert.Equal(DialogStep.Moment, state.Step);
    }

    [Fact]
    public void StartUpdate_OldDates_AreProposedAgainFromToday()
    {
        KaartContent content = AtProfessionalsWithTwo().Draft with { Datum = new DateOnly(2026, 1, 5), Evaluatiedatum = new DateOnly(2026, 4, 5) };
        Kaart kaart = new() { Id = "k1", Casus = "Familie T.", Location = Location, Content = content, Version = 3 };
        DialogState state = RegieDialog.StartUpdate(kaart, "aad-x", Now) with { Step = DialogStep.Bewaker };

        DialogOutcome outcome = RegieDialog.Apply(state, Answer(state, DialogAction.Next, new() { [DialogFields.Bewaker] = "p1" }), Defaults);

        Assert.Equal(DialogStep.Afronding, outcome.State.Step);
        Assert.Equal(Defaults.Today, outcome.State.Draft.Datum);
        Assert.Equal(Defaults.EvaluationDate(Defaults.Today), outcome.State.Draft.Evaluatiedatum);
    }

    [Fact]
    public void Apply_AddTheSameExternalTwice_OrAMemberAgainAsExternal_IsRefused()
    {
        DialogState state = AtProfessionalsWithTwo();
        Professional existing = state.Draft.Professionals.First(p => !p.IsLinked);
        Dictionary<string, string> again = External(existing.Naam.ToUpperInvariant());
        again[DialogFields.Contact] = existing.Contact;
        Professional linked = state.Draft.Professionals.First(p => p.IsLinked);

        DialogOutcome twice = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, again), Defaults);
        DialogOutcome asExternal = RegieDialog.Apply(state, Answer(state, DialogAction.AddProfessional, External(linked.Naam)), Defaults);

        Assert.Contains("staat al op de kaart", Assert.Single(twice.Errors), StringComparison.Ordinal);
        Assert.Contains("staat al op de kaart", Assert.Single(asExternal.Errors), StringComparison.Ordinal);
    }
}
