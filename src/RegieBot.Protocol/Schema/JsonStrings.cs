using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace RegieBot.Protocol.Schema;

/// <summary>
/// Whether every string of a JSON document (values and property names) decodes to text: valid UTF-8, and no escaped
/// lone UTF-16 surrogate (<c>"\ud800"</c>). The serializer checks that only for the properties it maps to strings; a
/// string inside a <see cref="JsonElement"/> (<c>value</c>, <c>channelData</c>, unmodelled fields) throws
/// <see cref="InvalidOperationException"/> only when a handler reads it, halfway through a turn. Checking the whole
/// body once, before anything reads it, turns such input into a 400.
/// </summary>
public static class JsonStrings
{
    /// <summary>False when some string does not decode; throws <see cref="JsonException"/> when the body is no JSON.</summary>
    public static bool AreWellFormed(ReadOnlySequence<byte> json)
    {
        Utf8JsonReader reader = new(json);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                bool valid = reader.HasValueSequence ? Utf8.IsValid(reader.ValueSequence.ToArray()) : Utf8.IsValid(reader.ValueSpan);
                if (!valid)
                {
                    return false;
                }

                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return false;   // invalid UTF-8 or a lone surrogate once unescaped
            }
        }

        return true;
    }
}
