using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary>
/// Universal Actions fallback: every <c>Action.Execute</c> of a card (not its <c>refresh</c>) gets an
/// <c>Action.Submit</c> twin as its <c>fallback</c>, for Teams clients without Universal Actions. The Submit
/// carries the same data plus the verb under <see cref="VerbKey"/>; Teams sends it as a message with that
/// <c>value</c>, which the bot hands to the same handler as the invoke. Older clients drop the fallback of an
/// <c>Action.Execute</c> in a card's own <c>actions</c>, so a card (or a ShowCard's card) whose <c>actions</c> hold
/// one gets them, in the same order, as an <c>ActionSet</c> at the end of its body instead.
/// </summary>
public static class UniversalActions
{
    public const string VerbKey = "verb";

    private static readonly string[] CopiedProperties = ["title", "style", "associatedInputs", "iconUrl", "tooltip", "isEnabled", "mode"];

    public static JsonObject AddSubmitFallbacks(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        MoveCardActions(card);
        Visit(card);
        return card;
    }

    private static void MoveCardActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsOfType(obj, "AdaptiveCard") && obj["actions"] is JsonArray actions
                    && actions.Any(a => a is JsonObject action && IsOfType(action, "Action.Execute")))
                {
                    obj.Remove("actions");
                    if (obj["body"] is not JsonArray body)
                    {
                        obj["body"] = body = [];
                    }

                    body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
                }

                foreach ((string key, JsonNode? child) in obj.ToList())
                {
                    if (key is not "refresh")
                    {
                        MoveCardActions(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array.ToList())
                {
                    MoveCardActions(item);
                }

                break;
        }
    }

    private static bool IsOfType(JsonObject obj, string type) =>
        obj["type"] is JsonValue value && value.TryGetValue(out string? kind) && kind == type;

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsOfType(obj, "Action.Execute") && !obj.ContainsKey("fallback"))
                {
                    obj["fallback"] = SubmitOf(obj);
                }

                foreach ((string key, JsonNode? child) in obj.ToList())
                {
                    if (key is not ("refresh" or "fallback"))
                    {
                        Visit(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Visit(item);
                }

                break;
        }
    }

    private static JsonObject SubmitOf(JsonObject execute)
    {
        JsonObject data = execute["data"] is JsonObject original ? original.DeepClone().AsObject() : [];
        data[VerbKey] = execute["verb"]?.DeepClone();
        JsonObject submit = new() { ["type"] = "Action.Submit" };
        foreach (string property in CopiedProperties)
        {
            if (execute[property] is { } value)
            {
                submit[property] = value.DeepClone();
            }
        }

        submit["data"] = data;
        return submit;
    }
}
