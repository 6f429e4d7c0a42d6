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

    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>
    /// An error shown on the card. The outer HTTP status stays 200, as the Universal Action spec asks; the inner one is
    /// one the spec defines for errors (400 bad request, 401, 412 precondition failed, 500), since a client shows
    /// other codes as a generic failure without the message. A refusal (not allowed, wrong conversation) is no error:
    /// answer it with <see cref="Message"/>.
    /// </summary>
    public static InvokeResponse Error(int statusCode, string code, string message)
    {
        if (statusCode is not (400 or 401 or 412 or 500))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Universal Actions errors are 400, 401, 412 or 500.");
        }

        return new(200, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = statusCode == 412 ? ErrorType + ".preconditionFailed" : ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
    }

    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
