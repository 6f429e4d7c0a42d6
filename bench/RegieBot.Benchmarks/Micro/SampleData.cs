using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Benchmarks.Micro;

/// <summary>Inputs of the micro benchmarks: a typical kaart of four professionals, and a card click as Teams sends it.</summary>
internal static class SampleData
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Kaart Kaart { get; } = new()
    {
        Id = "k0123456789abcdef",
        Casus = "Familie B.",
        Location = new KaartLocation("19:bench@thread.tacv2;messageid=1767225600123", "19:bench@thread.tacv2", "19:team@thread.tacv2", "t-1", "https://smba.trafficmanager.net/emea/"),
        Content = new KaartContent
        {
            Moment = Moment.OnduidelijkWieRegieHeeft,
            Professionals =
            [
                Linked("p1", "Sanne de Vries", "Jeugdconsulent", "Gemeente", 1, Regievorm.Procesregie),
                Linked("p2", "Ahmed El Amrani", "Maatschappelijk werker", "Wijkteam", 2, Regievorm.Casusregie),
                Linked("p3", "Petra Jansen", "Gezinsvoogd", "GI", 3),
                new Professional { Id = "p4", Naam = "Kees Bakker", Functie = "Intern begeleider", Organisatie = "School", Contact = "k.bakker@example.org" },
            ],
            Regievoeren = [new("r1", "Ahmed voert de casusregie en spreekt het gezin wekelijks."), new("r2", "Sanne ziet toe op de afspraken.")],
            Afstemming = [new("s1", "Iedere maand een casusoverleg in Teams."), new("s2", "Nieuwe zorgen delen we binnen een dag.")],
            AanspreekpuntId = "p2",
            BewakerId = "p1",
            Datum = new DateOnly(2026, 12, 1),
            Evaluatiedatum = new DateOnly(2027, 3, 1),
            BesprokenMetClient = true,
            ProfessionalSequence = 4,
        },
        Version = 1,
        Status = KaartStatus.Actief,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static KaartSnapshot Snapshot { get; } = new(Kaart, [], []);

    /// <summary>A click on "Volgende" of the step card, as Teams posts it to the bot.</summary>
    public static byte[] InvokeBody { get; } = Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:1767225800001",
        ["timestamp"] = Now.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["from"] = new JsonObject { ["id"] = "29:sanne", ["aadObjectId"] = "aad-sanne", ["name"] = "Sanne de Vries" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = "19:bench@thread.tacv2;messageid=1767225600123", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "t-1" },
        ["replyToId"] = "1767225700001",
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "t-1" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:bench@thread.tacv2" },
        },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "dialoog",
                ["data"] = new JsonObject { ["kaartId"] = "k0123456789abcdef", ["step"] = "Regievoeren", ["revision"] = "3", ["action"] = "volgende", ["afspraken"] = "Ahmed heeft de casusregie\nSanne bewaakt het proces" },
            },
            ["trigger"] = "manual",
        },
    }.ToJsonString());

    private static Professional Linked(string id, string naam, string functie, string organisatie, int n, Regievorm regievorm = default) => new()
    {
        Id = id,
        Naam = naam,
        Functie = functie,
        Organisatie = organisatie,
        AadObjectId = "aad-" + n.ToString(CultureInfo.InvariantCulture),
        TeamsUserId = "29:" + n.ToString(CultureInfo.InvariantCulture),
        Regievorm = regievorm,
    };
}
