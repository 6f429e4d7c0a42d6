using System.Text;
using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary>
/// What a refused answer puts back on its card: never more than the field accepts, so a card stays within Teams'
/// size limit whatever was typed, and the user is told when it was cut.
/// </summary>
public static class EchoedInput
{
    /// <summary>At most this many refusal reasons on one card (the rest are counted).</summary>
    public const int MaxErrors = 6;

    public static string Notice(int maxLength) =>
        $"Wat je typte was te lang en is hieronder ingekort tot {maxLength} tekens; de rest is niet bewaard. Controleer de tekst en probeer het opnieuw.";

    /// <summary>The value, or its first <paramref name="maxLength"/> characters (never a broken surrogate pair).</summary>
    public static string Cut(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= maxLength)
        {
            return value;
        }

        int length = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..length];
    }

    /// <summary>The errors to show: the first few, and how many more there are.</summary>
    public static JsonArray Errors(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonArray shown = [.. errors.Take(MaxErrors).Select(e => JsonValue.Create(e))];
        if (errors.Count > MaxErrors)
        {
            shown.Add(JsonValue.Create($"En nog {errors.Count - MaxErrors} andere punten."));
        }

        return shown;
    }

    /// <summary>The size Teams counts, as the card goes on the wire.</summary>
    public static int Bytes(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJsonString());
    }
}
