using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
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
