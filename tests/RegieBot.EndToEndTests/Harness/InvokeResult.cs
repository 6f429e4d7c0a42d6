using System.Text.Json.Nodes;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// The Playground's answer to a card action: 200 with the bot's invoke response body (<c>{"type","value"}</c>,
/// e.g. <c>application/vnd.microsoft.card.adaptive</c> with the updated card), or 4xx/5xx with
/// <c>{"code","message"}</c> when the Playground or the bot refused it.
/// </summary>
public sealed record InvokeResult(int StatusCode, JsonNode? Body)
{
    public string? Type => Body?["type"]?.GetValue<string>();

    public JsonNode? Value => Body?["value"];
}
