using System.Text.Json.Nodes;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// One entry of the Playground's events recording (<c>--enable-events-recording</c>): an HTTP exchange between the
/// Playground and the bot, in either direction. See <see cref="PlaygroundDriver"/> for the file format.
/// </summary>
/// <param name="Index">Position in the recording, from 0.</param>
/// <param name="ToBot">True for an activity the Playground posted to the bot; false for a Bot Connector call the bot made.</param>
/// <param name="ActivityName">The activity type, or the connector operation for calls without one (e.g. <c>getConversationMembers</c>).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">For <see cref="ToBot"/> the bot's endpoint, otherwise the path the bot called (<c>/_connector/v3/…</c>).</param>
/// <param name="RequestBody">The activity or request body; null when there was none.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
/// <param name="ResponseBody">The answer's body; null when it had none.</param>
public sealed record PlaygroundEvent(
    int Index,
    DateTimeOffset Timestamp,
    bool ToBot,
    string? ActivityName,
    string Method,
    string Url,
    JsonNode? RequestBody,
    int StatusCode,
    JsonNode? ResponseBody);
