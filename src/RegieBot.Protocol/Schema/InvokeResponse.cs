using System.Text.Json.Nodes;

namespace RegieBot.Protocol.Schema;

/// <summary>The HTTP answer to an invoke activity: its status code and JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public static InvokeResponse Card(JsonNode card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Attachment.AdaptiveCardContentType,
        ["value"] = card,
    });

    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    /// <summary>An error shown on the card. The outer HTTP status stays 200, as the Universal Action spec asks.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
