using System.Text.Json.Nodes;

namespace RegieBot.Testing.Teams.Fuzz;

/// <summary>
/// Real Teams activities of every kind the bot handles, as the channel sends them: @mention commands in a channel
/// and a casus thread, personal chat, team and installation events, reactions, a click on every verb of
/// <c>cards/*.json</c> (as <c>adaptiveCard/action</c> invoke and as the <c>Action.Submit</c> fallback message) and
/// the member typeahead. The fuzzer mutates these.
/// </summary>
public static class FuzzSeeds
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string TenantId = "7f0c0000-0000-0000-0000-00000000abcd";
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    public const string TeamId = "19:fuzzteam@thread.tacv2";
    public const string ChannelId = "19:fuzzkanaal@thread.tacv2";
    public const string ThreadId = ChannelId + ";messageid=1767225600123";
    public const string KaartId = "k-0f0f0f0f0f0f";
    public const string UserAadObjectId = "5d2f0000-0000-0000-0000-000000000001";
    public const string UserId = "29:1fuzzUser";
    public const string ColleagueAadObjectId = "5d2f0000-0000-0000-0000-000000000002";

    /// <summary>
    /// The channel's members as Teams lists them (<c>GetMembersAsync</c>): the user every seed is sent as, and a
    /// colleague. A host's connector double answers with this, so the gate finds the clicker on the roster.
    /// </summary>
    public static IReadOnlyList<RegieBot.Protocol.Schema.TeamsChannelAccount> Roster { get; } =
    [
        new() { Id = UserId, AadObjectId = UserAadObjectId, Name = "Sanne Bakker", GivenName = "Sanne", Surname = "Bakker", TenantId = TenantId },
        new() { Id = "29:1fuzzColleague", AadObjectId = ColleagueAadObjectId, Name = "Ahmed Yilmaz", GivenName = "Ahmed", Surname = "Yilmaz", TenantId = TenantId },
    ];

    /// <summary>The commands of the README, with and without arguments, as users type them.</summary>
    public static readonly string[] Commands =
    [
        "help", "start Gezin Jansen", "start", "annuleren", "kaart", "bijwerken", "evaluatie", "status", "geschiedenis",
        "opschalen het loopt vast", "opschalen", "afsluiten", "clientversie", "export", "verwijderen", "overzicht", "onbekend",
    ];

    /// <summary>Every verb in <c>cards/*.json</c>, plus one the bot does not know.</summary>
    public static readonly string[] Verbs =
    [
        "afsluiten", "afsluitenAnnuleren", "bevestigen", "bijwerken", "casusAfsluiten", "dialoog", "evaluatie", "opschalen",
        "refreshKaart", "verwijderenAnnuleren", "verwijderenBevestigen", "wijziging", "onbekend",
    ];

    public static readonly string[] ActivityTypes =
    [
        "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing",
        "messageUpdate", "messageDelete", "endOfConversation", "", "MESSAGE", "onbekend",
    ];

    public static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "application/search", "composeExtension/query", "task/fetch", "signin/verifyState", "onbekend",
    ];

    /// <summary>Card data for each verb, the way the bot writes it into its cards (with the inputs a user types).</summary>
    internal static JsonObject DataFor(string verb, int variant) => verb switch
    {
        "dialoog" => new JsonObject
        {
            ["kaartId"] = KaartId,
            ["step"] = (variant % 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["revision"] = "3",
            ["action"] = new[] { "volgende", "vorige", "toevoegen", "verwijderen", "annuleren" }[variant % 5],
            ["professionalId"] = "p-1",
            ["hulpvragen"] = "Rust in huis",
            ["moment"] = "Na de melding",
            ["lid"] = UserAadObjectId,
            ["naam"] = "Anne de Vries",
            ["functie"] = "jeugdconsulent",
            ["organisatie"] = "wijkteam",
            ["contact"] = "anne@example.org",
            ["regievorm"] = "procesregie",
            ["afspraken"] = "Wekelijks bellen",
            ["aanspreekpunt"] = "p-1",
            ["bewaker"] = "p-1",
            ["datum"] = "2026-01-01",
            ["evaluatiedatum"] = "2026-04-01",
            ["besproken"] = "true",
        },
        "evaluatie" => new JsonObject { ["kaartId"] = KaartId, ["keuze"] = variant % 2 == 0 ? "blijven" : "later" },
        "bevestigen" => new JsonObject { ["kaartId"] = KaartId, ["professionalId"] = "p-1" },
        "verwijderenBevestigen" => new JsonObject { ["kaartId"] = KaartId, ["gevraagdOp"] = "2026-01-01T00:00:00.0000000+00:00" },
        "afsluiten" => new JsonObject { ["kaartId"] = KaartId, ["criterium"] = "doelen bereikt" },
        "opschalen" => new JsonObject { ["kaartId"] = KaartId, ["reden"] = "het loopt vast" },
        "wijziging" => new JsonObject { ["kaartId"] = KaartId, ["sectie"] = "afspraken", ["voorstel"] = "Twee keer per week bellen" },
        _ => new JsonObject { ["kaartId"] = KaartId },
    };

    /// <summary>Every seed, a fresh copy each call (the mutator changes them in place).</summary>
    public static IReadOnlyList<Func<JsonObject>> All { get; } = Build();

    private static List<Func<JsonObject>> Build()
    {
        List<Func<JsonObject>> seeds = [];
        foreach (string command in Commands)
        {
            seeds.Add(() => ChannelMessage(command, ThreadId));
            seeds.Add(() => ChannelMessage(command, ChannelId));
            seeds.Add(() => PersonalMessage(command));
        }

        foreach (string verb in Verbs)
        {
            for (int variant = 0; variant < (verb == "dialoog" ? 5 : 1); variant++)
            {
                int v = variant;
                seeds.Add(() => CardAction(verb, DataFor(verb, v), "manual"));
                seeds.Add(() => CardAction(verb, DataFor(verb, v), "automatic"));
                seeds.Add(() => CardSubmit(verb, DataFor(verb, v)));
            }
        }

        seeds.Add(() => MemberSearch("ann"));
        seeds.Add(() => ConversationUpdate(added: BotId));
        seeds.Add(() => ConversationUpdate(removed: BotId));
        seeds.Add(() => ConversationUpdate(added: "29:1nieuw"));
        seeds.Add(() => ConversationUpdate(removed: "29:1weg"));
        seeds.Add(() => InstallationUpdate("add"));
        seeds.Add(() => InstallationUpdate("remove"));
        seeds.Add(MessageReaction);
        return seeds;
    }

    public static JsonObject ChannelMessage(string command, string conversationId)
    {
        JsonObject activity = Base("message", conversationId, "channel");
        activity["text"] = "<at>RegieBot</at> " + command;
        activity["textFormat"] = "plain";
        activity["locale"] = "nl-NL";
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>RegieBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "nl-NL", ["country"] = "NL", ["platform"] = "Web", ["timezone"] = "Europe/Amsterdam" });
        return activity;
    }

    public static JsonObject PersonalMessage(string text)
    {
        JsonObject activity = Base("message", "a:1personalFuzz", "personal");
        activity["text"] = text;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    public static JsonObject CardAction(string verb, JsonObject data, string trigger)
    {
        JsonObject activity = Base("invoke", ThreadId, "channel");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1767225699000";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "a1", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        };
        return activity;
    }

    public static JsonObject CardSubmit(string verb, JsonObject data)
    {
        JsonObject activity = Base("message", ThreadId, "channel");
        activity["replyToId"] = "1767225699000";
        data["verb"] = verb;
        activity["value"] = data;
        return activity;
    }

    public static JsonObject MemberSearch(string text)
    {
        JsonObject activity = Base("invoke", ThreadId, "channel");
        activity["name"] = "application/search";
        activity["value"] = new JsonObject
        {
            ["kind"] = "typeahead",
            ["queryText"] = text,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 },
            ["dataset"] = "leden",
        };
        return activity;
    }

    public static JsonObject ConversationUpdate(string? added = null, string? removed = null)
    {
        JsonObject activity = Base("conversationUpdate", ChannelId, "channel");
        activity["id"] = "f:" + NextId();
        if (added is not null)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = added, ["aadObjectId"] = UserAadObjectId });
            activity["channelData"]!["eventType"] = "teamMemberAdded";
        }

        if (removed is not null)
        {
            activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = removed, ["aadObjectId"] = UserAadObjectId });
            activity["channelData"]!["eventType"] = "teamMemberRemoved";
        }

        return activity;
    }

    public static JsonObject InstallationUpdate(string action)
    {
        JsonObject activity = Base("installationUpdate", ChannelId, "channel");
        activity["id"] = "f:" + NextId();
        activity["action"] = action;
        return activity;
    }

    public static JsonObject MessageReaction()
    {
        JsonObject activity = Base("messageReaction", ThreadId, "channel");
        activity["replyToId"] = "1767225699000";
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        return activity;
    }

    internal static JsonObject Base(string type, string conversationId, string conversationType)
    {
        bool channel = conversationType == "channel";
        JsonObject conversation = new() { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId };
        if (channel)
        {
            conversation["isGroup"] = true;
        }

        JsonObject activity = new()
        {
            ["type"] = type,
            ["id"] = NextId(),
            ["timestamp"] = "2026-01-01T00:00:00.123Z",
            ["localTimestamp"] = "2026-01-01T01:00:00.123+01:00",
            ["localTimezone"] = "Europe/Amsterdam",
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Sanne Bakker", ["aadObjectId"] = UserAadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
            ["conversation"] = conversation,
        };
        activity["channelData"] = channel
            ? new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TenantId },
                ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Regieteam", ["aadGroupId"] = "0a0a0a0a-0000-0000-0000-000000000001" },
                ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Casusoverleg" },
                ["teamsTeamId"] = TeamId,
                ["teamsChannelId"] = ChannelId,
            }
            : new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    private static long _nextId = 1767225600200;

    internal static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
