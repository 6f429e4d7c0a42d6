using System.Text;
using System.Text.Json.Nodes;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>A Bot Connector call the bot made to the Playground, as the Playground recorded it.</summary>
/// <param name="ConversationId">The conversation in the path, URL-decoded (a channel id, or <c>{channel};messageid={id}</c> for a thread).</param>
/// <param name="ActivityId">The activity in the path, for replies, updates and deletes.</param>
public sealed record BotCall(PlaygroundEvent Event, BotCallKind Kind, string? ConversationId, string? ActivityId)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public bool Succeeded => Event.StatusCode is >= 200 and < 300;

    /// <summary>The activity the bot sent; for <see cref="BotCallKind.CreateConversation"/> the parameters' first activity.</summary>
    public JsonObject? Activity => Kind == BotCallKind.CreateConversation
        ? Event.RequestBody?["activity"] as JsonObject
        : Event.RequestBody as JsonObject;

    public string? ActivityType => Activity?["type"]?.GetValue<string>();

    /// <summary>A message the channel shows: sent, replied, updated in place or opening a new conversation.</summary>
    public bool IsMessage => ActivityType == "message"
        && Kind is BotCallKind.SendToConversation or BotCallKind.ReplyToActivity or BotCallKind.UpdateActivity or BotCallKind.CreateConversation;

    public string? Text => Activity?["text"]?.GetValue<string>();

    /// <summary>The id the Playground gave the posted message (<c>201 {"id"}</c>); null when it answered 202 without one.</summary>
    public string? PostedActivityId => Kind == BotCallKind.CreateConversation
        ? Event.ResponseBody?["activityId"]?.GetValue<string>()
        : Event.ResponseBody?["id"]?.GetValue<string>();

    /// <summary>
    /// The conversation the message now lives in. A message posted to a channel conversation opens a new thread,
    /// <c>{channel};messageid={PostedActivityId}</c>; card actions on it must name that thread.
    /// </summary>
    public string? ThreadConversationId => Kind switch
    {
        BotCallKind.CreateConversation => Event.ResponseBody?["id"]?.GetValue<string>(),
        BotCallKind.SendToConversation when IsChannelRoot && PostedActivityId is not null => $"{ConversationId};messageid={PostedActivityId}",
        BotCallKind.UpdateActivity when IsChannelRoot && ActivityId is not null => $"{ConversationId};messageid={ActivityId}",
        _ => ConversationId,
    };

    /// <summary>A channel conversation itself rather than a thread in it (Teams channel ids start with <c>19:</c>).</summary>
    private bool IsChannelRoot => ConversationId is not null
        && ConversationId.StartsWith("19:", StringComparison.Ordinal)
        && !ConversationId.Contains(";messageid=", StringComparison.Ordinal);

    public IReadOnlyList<JsonObject> Attachments =>
        Activity?["attachments"] is JsonArray attachments ? [.. attachments.OfType<JsonObject>()] : [];

    /// <summary>The <c>content</c> of every Adaptive Card attachment.</summary>
    public IReadOnlyList<JsonObject> AdaptiveCards =>
        [.. Attachments
            .Where(a => a["contentType"]?.GetValue<string>() == AdaptiveCardContentType)
            .Select(a => a["content"])
            .OfType<JsonObject>()];

    /// <summary>Every string in the message (text, card texts, button titles), one per line, for searching.</summary>
    public string AllText
    {
        get
        {
            StringBuilder text = new();
            if (Text is not null)
            {
                text.AppendLine(Text);
            }

            foreach (JsonObject attachment in Attachments)
            {
                AppendStrings(attachment["content"], text);
            }

            return text.ToString();
        }
    }

    /// <summary>Every string on the message's Adaptive Cards, one per line.</summary>
    public string CardText
    {
        get
        {
            StringBuilder text = new();
            foreach (JsonObject card in AdaptiveCards)
            {
                AppendStrings(card, text);
            }

            return text.ToString();
        }
    }

    /// <summary>The titles of every action on the message's Adaptive Cards, also nested ones.</summary>
    public IReadOnlyList<string> ButtonTitles =>
        [.. AdaptiveCards.SelectMany(Descendants)
            .Where(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && o["type"]!.GetValue<string>().StartsWith("Action.", StringComparison.Ordinal))
            .Select(o => o["title"]?.GetValue<string>())
            .OfType<string>()];

    /// <summary>Every element, input and action on the message's cards (every JSON object in them), depth first.</summary>
    public IEnumerable<JsonObject> CardElements => AdaptiveCards.SelectMany(Descendants);

    /// <summary>The action titled <paramref name="title"/> on the message's cards (also inside an Action.ShowCard), or null.</summary>
    public JsonObject? FindAction(string title) =>
        AdaptiveCards.SelectMany(Descendants).FirstOrDefault(o =>
            o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && o["type"]!.GetValue<string>().StartsWith("Action.", StringComparison.Ordinal)
            && o["title"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && o["title"]!.GetValue<string>() == title);

    /// <summary>True when this call updates, in place, the message that <paramref name="original"/> posted.</summary>
    public bool IsUpdateOf(BotCall original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Kind == BotCallKind.UpdateActivity
            && ActivityId is not null
            && ActivityId == (original.Kind == BotCallKind.UpdateActivity ? original.ActivityId : original.PostedActivityId);
    }

    /// <summary>One line for failure messages.</summary>
    public string Summary()
    {
        string text = AllText.ReplaceLineEndings(" ").Trim();
        if (text.Length > 160)
        {
            text = text[..160] + "…";
        }

        return $"#{Event.Index} {Event.Method} {Kind} conv={ConversationId ?? "-"} status={Event.StatusCode} type={ActivityType ?? "-"} cards={AdaptiveCards.Count} \"{text}\"";
    }

    private static void AppendStrings(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    AppendStrings(property.Value, text);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    AppendStrings(item, text);
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                text.AppendLine(value.GetValue<string>());
                break;
        }
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    foreach (JsonObject child in Descendants(property.Value))
                    {
                        yield return child;
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    foreach (JsonObject child in Descendants(item))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }
}
