using System.Globalization;
using System.Text.Json;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Teams;

/// <summary>
/// An <c>Action.Execute</c> click: its verb and its data merged with the card's inputs, every value as a string
/// (Teams sends inputs as strings; our own data may carry numbers).
/// </summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Data, bool IsRefresh)
{
    public string? this[string key] => Data.TryGetValue(key, out string? value) ? value : null;

    /// <summary>
    /// The click of an <c>adaptiveCard/action</c> invoke, or of its <c>Action.Submit</c> fallback: a message whose
    /// <c>value</c> is the action's data with the verb under <paramref name="submitVerbKey"/> (the bot's cards choose
    /// the key; an invoke carries the verb in <c>value.action.verb</c>). Null when the activity is no card action.
    /// </summary>
    public static CardAction? From(Activity activity, string submitVerbKey)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(submitVerbKey);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        JsonElement verb;
        JsonElement fields;
        if (activity.Type == ActivityTypes.Message)
        {
            if (!value.TryGetProperty(submitVerbKey, out verb) || verb.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            fields = value;
        }
        else if (!value.TryGetProperty("action", out JsonElement action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out verb)
            || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        else if (!action.TryGetProperty("data", out fields))
        {
            fields = default;
        }

        Dictionary<string, string> data = new(StringComparer.Ordinal);
        if (fields.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty field in fields.EnumerateObject().Where(f => activity.Type != ActivityTypes.Message || f.Name != submitVerbKey))
            {
                string? text = field.Value.ValueKind switch
                {
                    JsonValueKind.String => field.Value.GetString(),
                    JsonValueKind.Number => field.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (text is not null)
                {
                    data[field.Name] = text;
                }
            }
        }

        bool refresh = value.TryGetProperty("trigger", out JsonElement trigger)
            && trigger.ValueKind == JsonValueKind.String && trigger.ValueEquals("automatic");
        return new CardAction(verb.GetString()!, data, refresh);
    }

    public int? Number(string key) =>
        int.TryParse(this[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
