using System.Globalization;
using System.Text.Json.Nodes;

namespace RegieBot.Benchmarks.Turns;

/// <summary>What the benchmark drivers send as Teams would: a channel activity's envelope, and the card's buttons.</summary>
internal static class TeamsActivities
{
    /// <summary>An activity of <paramref name="type"/> from <paramref name="user"/> in <paramref name="thread"/> of <paramref name="channel"/>.</summary>
    public static JsonObject Channel(string type, long id, long timestampMs, string serviceUrl, string thread, string channel, string user) => new()
    {
        ["type"] = type,
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["timestamp"] = DateTimeOffset.UnixEpoch.AddMilliseconds(timestampMs).ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + user, ["aadObjectId"] = "aad-" + user, ["name"] = user },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
        ["conversation"] = new JsonObject { ["id"] = thread, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "t-1" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "t-1" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = channel },
        },
    };

    /// <summary>Every Action.Execute of a card, however deep (action sets, show cards).</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj => ((string?)(obj["type"] as JsonValue) == "Action.Execute" ? [obj] : Enumerable.Empty<JsonObject>())
            .Concat(obj.SelectMany(p => Actions(p.Value))),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };
}
