using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

/// <summary>Rich sample data: a realistic casus, and the largest one the bot accepts.</summary>
internal static class SampleKaarten
{
    public static readonly KaartLocation Location = new("19:c0ffee@thread.tacv2;messageid=1767225600123", "19:c0ffee@thread.tacv2", "19:team@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/");
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<TeamMember> Members { get; } =
    [
        new("aad-1", "29:1", "Sanne de Vries"),
        new("aad-2", "29:2", "Ahmed El Amrani"),
        new("aad-3", "29:3", "Petra Jansen"),
        new("aad-4", "29:4", "Kees <b>Bakker</b> [link](https://evil.example)"),
    ];

    public static KaartContent Content { get; } = new()
    {
        Moment = Moment.OnduidelijkWieRegieHeeft,
        Professionals =
        [
            new Professional { Id = "p1", Naam = "Sanne de Vries", Functie = "Jeugdconsulent", Organisatie = "Gemeente", Contact = "06 12 34 56 78", AadObjectId = "aad-1", TeamsUserId = "29:1", Regievorm = Regievorm.Procesregie },
            new Professional { Id = "p2", Naam = "Ahmed El Amrani", Functie = "Maatschappelijk werker", Organisatie = "Wijkteam Noord", AadObjectId = "aad-2", TeamsUserId = "29:2", Regievorm = Regievorm.Casusregie },
            new Professional { Id = "p3", Naam = "Petra Jansen", Functie = "Gezinsvoogd", Organisatie = "Gecertificeerde instelling", Contact = "p.jansen@example.org" },
            new Professional { Id = "p4", Naam = "**Kees** [klik](https://evil.example)", Functie = "Intern begeleider", Organisatie = "School", Contact = "<at>iedereen</at>", Regievorm = Regievorm.Behandelregie },
        ],
        Regievoeren = [new("r1", "Ahmed heeft de casusregie en belt het gezin elke week."), new("r2", "Sanne bewaakt het proces namens de gemeente.")],
        Afstemming = [new("s1", "Elke twee weken een kort overleg via Teams."), new("s2", "Bij zorgen over veiligheid bellen we dezelfde dag.")],
        AanspreekpuntId = "p2",
        BewakerId = "p1",
        Datum = new DateOnly(2026, 11, 23),
        Evaluatiedatum = new DateOnly(2027, 2, 23),
        BesprokenMetClient = true,
        ProfessionalSequence = 4,
    };

    public static Kaart Kaart(KaartContent? content = null, KaartStatus status = KaartStatus.Actief) => new()
    {
        Id = "k-sample",
        Casus = "Familie T.",
        Location = Location,
        Content = content ?? Content,
        Version = 2,
        Status = status,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>A closed kaart with its close record; with a handover when <paramref name="criterium"/> says so.</summary>
    public static Kaart Closed(AfschaalCriterium criterium = AfschaalCriterium.RegieOvergedragen, KaartContent? content = null) => Kaart(content, KaartStatus.Afgesloten) with
    {
        Closure = new KaartClosure(
            criterium,
            criterium == AfschaalCriterium.RegieOvergedragen ? "Petra Jansen, gezinsvoogd <b>GI</b> [link](https://evil.example)" : null,
            Now.AddDays(30),
            "aad-1",
            Now.AddDays(120)),
    };

    /// <summary>Everything stored about the sample casus: two versions, a confirmation, a proposal, an open update.</summary>
    public static CasusRecords Records(KaartContent? content = null)
    {
        KaartSnapshot snapshot = Snapshot();
        Kaart current = Closed(content: content);
        return new CasusRecords
        {
            KaartId = current.Id,
            Casus = current.Casus,
            Kaart = current,
            Versions = [current with { Version = 1, Status = KaartStatus.Actief, Closure = null, UpdatedBy = "aad-1" }, current with { Status = KaartStatus.Actief, Closure = null, UpdatedBy = "29:onbekend" }],
            Confirmations = snapshot.Confirmations,
            Proposals = snapshot.Proposals,
            Dialog = Dialog(DialogStep.Regievoeren, DialogStatus.Cancelled, isUpdate: true) with { LastEditedBy = "aad-2", UpdatedAt = Now },
            PostedMessages = 4,
        };
    }

    /// <summary>The limits of the bot, all at once: 20 professionals with long fields, 30 + 30 agreements of maximal length.</summary>
    public static KaartContent Largest { get; } = new()
    {
        Moment = Moment.Evaluatiemoment,
        Professionals = [.. Enumerable.Range(1, 20).Select(i => new Professional
        {
            Id = "p" + i,
            Naam = $"Professional nummer {i} " + new string('n', 56),
            Functie = "Functie " + new string('f', 72),
            Organisatie = "Organisatie " + new string('o', 68),
            Contact = $"p{i}@example.org " + new string('c', 100),
            AadObjectId = i % 3 == 0 ? null : $"aad-{i}",
            Regievorm = (Regievorm)(i % 4),
        })],
        Regievoeren = [.. Enumerable.Range(1, 30).Select(i => new Agreement("r" + i, $"Afspraak {i}: " + new string('x', 285)))],
        Afstemming = [.. Enumerable.Range(1, 30).Select(i => new Agreement("s" + i, $"Afstemming {i}: " + new string('y', 283)))],
        AanspreekpuntId = "p1",
        BewakerId = "p2",
        Datum = new DateOnly(2026, 11, 23),
        Evaluatiedatum = new DateOnly(2027, 2, 23),
        ProfessionalSequence = 20,
    };

    /// <summary>Sanne (p1) confirmed, Ahmed (p2) not; Petra and Kees are external; one open proposal.</summary>
    public static KaartSnapshot Snapshot()
    {
        Kaart kaart = Kaart();
        Professional sanne = kaart.Content.Professionals[0];
        return new KaartSnapshot(
            kaart,
            [new Confirmation("p1", "aad-1", Now.AddMinutes(5), RoleFingerprints.Of(kaart.Content, sanne))],
            [new ChangeProposal("w1", "aad-2", "p2", "Petra neemt de casusregie over.", Now.AddMinutes(10))]);
    }

    public static DialogState Dialog(DialogStep step, DialogStatus status = DialogStatus.Open, bool isUpdate = false) => new()
    {
        KaartId = "k-sample",
        Casus = "Familie T.",
        Location = Location,
        Step = step,
        Draft = Content,
        Revision = 5,
        Status = status,
        IsUpdate = isUpdate,
    };
}
