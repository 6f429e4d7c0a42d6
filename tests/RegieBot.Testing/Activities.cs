using System.Text.Json.Nodes;

namespace RegieBot.Testing;

/// <summary>Teams-shaped activities for host tests (in memory and on Azurite), built as JSON the way the channel sends them.</summary>
public static class Activities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/7f0c0000-0000-0000-0000-00000000abcd/";
    public const string TenantId = "7f0c0000-0000-0000-0000-00000000abcd";
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    public const string ThreadId = "19:c0ffee@thread.tacv2;messageid=1767225600123";
    private static long _nextId = 1767225600123;

    /// <summary>An @mention of the bot in a channel thread (<see cref="ThreadId"/> unless <paramref name="conversationId"/> is given).</summary>
    public static string ChannelMessage(
        string command,
        string? id = null,
        string from = "29:1abcDEF",
        string timestamp = "2026-01-01T00:00:00.123Z",
        string conversationId = ThreadId,
        string serviceUrl = ServiceUrl) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id ?? NextId(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = timestamp,
        ["from"] = new JsonObject { ["id"] = from, ["aadObjectId"] = "5d2f0000-0000-0000-0000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["text"] = "<at>RegieBot</at> " + command,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>RegieBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
        }),
        ["channelData"] = TeamChannelData(),
    }.ToJsonString();

    public static string PersonalMessage(string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = NextId(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1abcDEF", ["aadObjectId"] = "5d2f0000-0000-0000-0000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:1Xyz", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    }.ToJsonString();

    public static string BotAddedToTeam() => new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + NextId(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1abcDEF" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = "19:team01@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = TeamChannelData("teamMemberAdded"),
    }.ToJsonString();

    public static string InstallationAdd() => new JsonObject
    {
        ["type"] = "installationUpdate",
        ["id"] = "f:" + NextId(),
        ["action"] = "add",
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1abcDEF" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = "19:team01@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["channelData"] = TeamChannelData(),
    }.ToJsonString();

    public static string CardAction(string verb) => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:" + NextId(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["replyToId"] = "1767225699000",
        ["from"] = new JsonObject { ["id"] = "29:9xyzUVW", ["aadObjectId"] = "5d2f0000-0000-0000-0000-000000000002" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = ThreadId, ["conversationType"] = "channel" },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject() },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

    private static JsonObject TeamChannelData(string? eventType = null)
    {
        JsonObject data = new()
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team01@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:c0ffee@thread.tacv2" },
        };
        if (eventType is not null)
        {
            data["eventType"] = eventType;
        }

        return data;
    }

    private static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
