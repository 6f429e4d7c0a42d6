using System.Globalization;
using System.Text.Json;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>
/// An <c>Action.Execute</c> click: its verb and its data merged with the card's inputs, every value as a string
/// (Teams sends inputs as strings; our own data may carry numbers).
/// </summary>
internal sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Data, bool IsRefresh)
{
    public string? this[string key] => Data.TryGetValue(key, out string? value) ? value : null;

    public static CardAction? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out JsonElement action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out JsonElement verb)
            || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        Dictionary<string, string> data = new(StringComparer.Ordinal);
        if (action.TryGetProperty("data", out JsonElement fields) && fields.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty field in fields.EnumerateObject())
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
            && string.Equals(trigger.GetString(), "automatic", StringComparison.Ordinal);
        return new CardAction(verb.GetString()!, data, refresh);
    }

    public int? Int(string key) =>
        int.TryParse(this[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
