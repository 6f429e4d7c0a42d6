using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Testing.Teams;

/// <summary>
/// Three kaarten of the Playground's mock professionals (<c>.m365agentsplayground.yml</c>), stored as the bot stores
/// them, for the personal tab's tests: who is on which kaart is known, so each user must see exactly theirs.
/// Familie T. has two versions, a confirmation, an evaluation that is overdue and unanswered and an open
/// escalation; Gezin K. has a future evaluation; Familie de B. is Petra's and Eva's only.
/// </summary>
public static class TabDemoKaarten
{
    public const string Sanne = "00000000-0000-0000-0000-000000000101";
    public const string Mohammed = "00000000-0000-0000-0000-000000000102";
    public const string Petra = "00000000-0000-0000-0000-000000000103";
    public const string Joost = "00000000-0000-0000-0000-000000000104";
    public const string Fatma = "00000000-0000-0000-0000-000000000105";
    public const string Eva = "00000000-0000-0000-0000-000000000106";

    /// <summary>The Playground's team and channel, where all three kaarten are.</summary>
    public const string TeamId = "19:team-regie-zeeland@thread.tacv2";
    public const string TeamName = "Regieteam Zeeland";
    public const string ChannelId = "19:casusoverleg@thread.tacv2";
    public const string ChannelName = "Casusoverleg";

    public const string FamilieT = "Familie T.";
    public const string GezinK = "Gezin K.";
    public const string FamilieDeB = "Familie de B.";

    /// <summary>Who is a linked professional on which casus.</summary>
    public static IReadOnlyDictionary<string, string[]> CasussenOf { get; } = new Dictionary<string, string[]>
    {
        [Sanne] = [FamilieT, GezinK],
        [Mohammed] = [FamilieT],
        [Petra] = [FamilieT, FamilieDeB],
        [Joost] = [GezinK],
        [Fatma] = [GezinK],
        [Eva] = [FamilieDeB],
    };

    public static IReadOnlyList<string> AllCasussen { get; } = [FamilieT, GezinK, FamilieDeB];

    /// <summary>Stores the three kaarten (ids with <paramref name="prefix"/>) around <paramref name="now"/>; returns casus → kaart id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(
        IKaartStore store, IReminderStore reminders, string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reminders);
        DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);
        Dictionary<string, string> ids = [];

        KaartContent t = new()
        {
            Moment = Moment.OnduidelijkWieRegieHeeft,
            Professionals =
            [
                Linked("p1", "Sanne de Vries", "Jeugdconsulent", "Gemeente", "06 12 34 56 78", Sanne, Regievorm.Procesregie),
                Linked("p2", "Mohammed El Amrani", "Wijkcoach", "Wijkteam", "m.elamrani@wijkteam.example", Mohammed, Regievorm.Casusregie),
                Linked("p3", "Petra Jansen", "Gezinsvoogd", "Gecertificeerde instelling", "p.jansen@gi.example", Petra, Regievorm.Geen),
                new Professional { Id = "p4", Naam = "Kees Bakker", Functie = "Intern begeleider", Organisatie = "School", Contact = "k.bakker@school.example" },
            ],
            Regievoeren = [new("r1", "Mohammed heeft de casusregie en belt het gezin elke week."), new("r2", "Sanne bewaakt het proces namens de gemeente.")],
            Afstemming = [new("s1", "Elke twee weken een kort overleg in het kanaal."), new("s2", "Bij zorgen over veiligheid bellen we elkaar dezelfde dag.")],
            AanspreekpuntId = "p2",
            BewakerId = "p1",
            Datum = today.AddDays(-100),
            Evaluatiedatum = today.AddDays(-60),
            BesprokenMetClient = true,
            ProfessionalSequence = 4,
        };
        Kaart familieT = await SaveAsync(store, prefix + "-t", FamilieT, t with { Evaluatiedatum = today.AddDays(-70) }, now.AddDays(-100), cancellationToken);
        familieT = await store.SaveVersionAsync(
            familieT with { Version = 2, Content = t, UpdatedAt = now.AddDays(-80), UpdatedBy = Sanne }, null, [], Guid.NewGuid().ToString("N"), cancellationToken);
        await store.ApplyIndexesAsync(familieT.Id, [], cancellationToken);
        await ConfirmAsync(store, familieT.Id, "p1", Sanne, now.AddDays(-79), cancellationToken);
        await store.AddEscalationAsync(familieT.Id, Mohammed, "Het gezin is niet bereikbaar en de afspraken lopen niet.", now.AddDays(-20), cancellationToken);
        await SendEvaluationAsync(reminders, familieT, now.AddDays(-60), cancellationToken);
        // What the relay (after the confirmation and the escalation) and the reminder's sender write for the channel tab.
        await store.ApplySummaryAsync(familieT.Id, null, cancellationToken);
        await store.RecordEvaluationSentAsync(familieT.Location.ThreadId, now.AddDays(-60), cancellationToken);
        ids[FamilieT] = familieT.Id;

        KaartContent k = new()
        {
            Moment = Moment.MeerdereInstanties,
            Professionals =
            [
                Linked("p1", "Joost Bakker", "Maatschappelijk werker", "Maatschappelijk werk", "j.bakker@mw.example", Joost, Regievorm.Casusregie),
                Linked("p2", "Fatma Yilmaz", "Behandelaar", "Jeugd-GGZ", "f.yilmaz@zorg.example", Fatma, Regievorm.Behandelregie),
                Linked("p3", "Sanne de Vries", "Jeugdconsulent", "Gemeente", "06 12 34 56 78", Sanne, Regievorm.Geen),
            ],
            Regievoeren = [new("r1", "Joost houdt het overzicht over de hulp aan het gezin.")],
            Afstemming = [new("s1", "Fatma meldt wijzigingen in de behandeling aan Joost.")],
            AanspreekpuntId = "p1",
            BewakerId = "p2",
            Datum = today.AddDays(-10),
            Evaluatiedatum = today.AddDays(80),
            BesprokenMetClient = false,
            ProfessionalSequence = 3,
        };
        Kaart gezinK = await SaveAsync(store, prefix + "-k", GezinK, k, now.AddDays(-10), cancellationToken);
        await ConfirmAsync(store, gezinK.Id, "p1", Joost, now.AddDays(-9), cancellationToken);
        await ConfirmAsync(store, gezinK.Id, "p3", Sanne, now.AddDays(-8), cancellationToken);
        await store.ApplySummaryAsync(gezinK.Id, null, cancellationToken);
        ids[GezinK] = gezinK.Id;

        KaartContent b = new()
        {
            Moment = Moment.Evaluatiemoment,
            Professionals =
            [
                Linked("p1", "Petra Jansen", "Gezinsvoogd", "Gecertificeerde instelling", "p.jansen@gi.example", Petra, Regievorm.Procesregie),
                Linked("p2", "Eva Visser", "Intern begeleider", "School", "e.visser@school.example", Eva, Regievorm.Geen),
            ],
            Regievoeren = [new("r1", "Petra heeft de procesregie.")],
            AanspreekpuntId = "p2",
            BewakerId = "p1",
            Datum = today.AddDays(-30),
            Evaluatiedatum = today.AddDays(30),
            BesprokenMetClient = true,
            ProfessionalSequence = 2,
        };
        ids[FamilieDeB] = (await SaveAsync(store, prefix + "-b", FamilieDeB, b, now.AddDays(-30), cancellationToken)).Id;
        return ids;
    }

    private static Professional Linked(string id, string naam, string functie, string organisatie, string contact, string aad, Regievorm regievorm) => new()
    {
        Id = id,
        Naam = naam,
        Functie = functie,
        Organisatie = organisatie,
        Contact = contact,
        AadObjectId = aad,
        TeamsUserId = "29:" + aad,
        Regievorm = regievorm,
    };

    /// <summary>
    /// The casus channel's members as Teams lists them: everyone but Petra, who left the channel while she is still
    /// on two kaarten (the channel tab shows that, and shows her nothing).
    /// </summary>
    public static IReadOnlyList<TeamsChannelAccount> ChannelMembers { get; } =
        [.. new[] { Sanne, Mohammed, Joost, Fatma, Eva }.Select(Member)];

    /// <summary>A member as Teams lists them, with the Teams id the demo kaarten link.</summary>
    public static TeamsChannelAccount Member(string aad) => new() { Id = "29:" + aad, AadObjectId = aad, Name = "Lid " + aad[^3..] };

    /// <summary>
    /// A kaart in thread <paramref name="messageId"/> of <paramref name="channel"/> with these professionals, the first
    /// linked one bewaker and the second aanspreekpunt, evaluation three months on (for tests that need many or other kaarten).
    /// </summary>
    public static Kaart NewKaart(string id, string casus, string channel, long messageId, DateTimeOffset at, IReadOnlyList<Professional> professionals)
    {
        ArgumentNullException.ThrowIfNull(professionals);
        DateOnly today = DateOnly.FromDateTime(at.UtcDateTime);
        return new Kaart
        {
            Id = id,
            Casus = casus,
            Location = new KaartLocation($"{channel};messageid={messageId}", channel, TeamId, null, "https://smba.trafficmanager.net/emea/"),
            Content = new KaartContent
            {
                Moment = Moment.MeerdereInstanties,
                Professionals = professionals,
                AanspreekpuntId = professionals[1].Id,
                BewakerId = professionals[0].Id,
                Datum = today,
                Evaluatiedatum = today.AddDays(90),
                ProfessionalSequence = professionals.Count,
            },
            CreatedAt = at,
            UpdatedAt = at,
            UpdatedBy = professionals[0].AadObjectId,
        };
    }

    /// <summary>A professional linked to mock user <paramref name="aad"/>.</summary>
    public static Professional LinkedAs(string id, string naam, string aad, Regievorm regievorm = Regievorm.Geen) =>
        new() { Id = id, Naam = naam, AadObjectId = aad, TeamsUserId = "29:" + aad, Regievorm = regievorm };

    /// <summary>What Teams answers for any team: the Playground's team name.</summary>
    public static TeamDetails Team(string teamId) => new(teamId, TeamName, null);

    /// <summary>What Teams answers for a team's channels: General (no name, the team's id) and the casus channel.</summary>
    public static IReadOnlyList<ChannelInfo> Channels(string teamId) => [new ChannelInfo(teamId, null), new ChannelInfo(ChannelId, ChannelName)];

    private static async Task<Kaart> SaveAsync(IKaartStore store, string id, string casus, KaartContent content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string thread = $"{ChannelId};messageid={at.ToUnixTimeMilliseconds()}";
        Kaart kaart = new()
        {
            Id = id,
            Casus = casus,
            Location = new KaartLocation(thread, ChannelId, TeamId,
                "00000000-0000-0000-0000-0000000000001", "https://smba.trafficmanager.net/emea/"),
            Content = content,
            CreatedAt = at,
            UpdatedAt = at,
            UpdatedBy = content.Professionals[0].AadObjectId,
        };
        Kaart saved = await store.SaveVersionAsync(kaart, null, [], Guid.NewGuid().ToString("N"), cancellationToken);
        await store.ApplyIndexesAsync(saved.Id, [], cancellationToken);
        return saved;
    }

    private static async Task ConfirmAsync(IKaartStore store, string kaartId, string professionalId, string aad, DateTimeOffset at, CancellationToken cancellationToken)
    {
        KaartSnapshot snapshot = (await store.GetSnapshotAsync(kaartId, cancellationToken))!;
        Professional professional = snapshot.Kaart.Content.Find(professionalId)!;
        await store.ConfirmAsync(snapshot, new Confirmation(professionalId, aad, at, RoleFingerprints.Of(snapshot.Kaart.Content, professional)), [], cancellationToken);
    }

    private static async Task SendEvaluationAsync(IReminderStore reminders, Kaart kaart, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        Reminder reminder = new()
        {
            KaartId = kaart.Id,
            Kind = ReminderKind.Evaluatie,
            DueAt = dueAt,
            ServiceUrl = kaart.Location.ServiceUrl,
            ThreadId = kaart.Location.ThreadId,
        };
        await reminders.ScheduleAsync(reminder, cancellationToken);
        // The host's reminder worker may send it first (to the test's connector): then it is sent all the same.
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, cancellationToken) is { Status: ReminderStatus.Sent })
            {
                return;
            }

            Reminder? due = (await reminders.GetDueAsync(dueAt, 100, cancellationToken)).FirstOrDefault(r => r.KaartId == kaart.Id && r.ClaimedUntil is null);
            if (due is not null && await reminders.TryClaimAsync(due, dueAt, dueAt.AddMinutes(5), cancellationToken) is { } claimed)
            {
                await reminders.MarkSentAsync(claimed, "1767225600999", dueAt, null, cancellationToken);
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException("The evaluation reminder of the demo kaart was not sent.");
    }
}
