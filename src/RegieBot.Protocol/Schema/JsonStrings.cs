using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace RegieBot.Protocol.Schema;

/// <summary>What <see cref="JsonStrings.FindFault"/> found wrong with a JSON text that parses.</summary>
public enum JsonTextFault
{
    None,

    /// <summary>A string (value or property name) that does not decode to text.</summary>
    StringNotUnicode,

    /// <summary>An object that names the same property twice.</summary>
    DuplicateProperty,
}

/// <summary>
/// Whether every string of a JSON document (values and property names) decodes to text: valid UTF-8, and no escaped
/// lone UTF-16 surrogate (<c>"\ud800"</c>). The serializer checks that only for the properties it maps to strings; a
/// string inside a <see cref="JsonElement"/> (<c>value</c>, <c>channelData</c>, unmodelled fields) throws
/// <see cref="InvalidOperationException"/> only when a handler reads it, halfway through a turn. Checking the whole
/// body once, before anything reads it, turns such input into a 400. The same walk finds an object that names a
/// property twice (<c>{"type":"message","type":"invoke"}</c>): the serializer would silently keep the last one.
/// </summary>
public static class JsonStrings
{
    /// <summary>False when some string does not decode; throws <see cref="JsonException"/> when the body is no JSON.</summary>
    public static bool AreWellFormed(ReadOnlySequence<byte> json) => FindFault(json) != JsonTextFault.StringNotUnicode;

    /// <summary>
    /// The first fault of the document: a string that does not decode, or a property named twice in one object
    /// (compared as decoded text, ordinal, as <see cref="JsonElement"/> finds properties). Throws
    /// <see cref="JsonException"/> when the body is no JSON.
    /// </summary>
    public static JsonTextFault FindFault(ReadOnlySequence<byte> json)
    {
        Utf8JsonReader reader = new(json);
        Stack<HashSet<string>?> objects = new();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(null);   // the set of its names is made at its second property
                    continue;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    continue;
                case JsonTokenType.String or JsonTokenType.PropertyName:
                    break;
                default:
                    continue;
            }

            string text;
            if (!reader.ValueIsEscaped)
            {
                bool valid = reader.HasValueSequence ? Utf8.IsValid(reader.ValueSequence.ToArray()) : Utf8.IsValid(reader.ValueSpan);
                if (!valid)
                {
                    return JsonTextFault.StringNotUnicode;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }
            }

            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return JsonTextFault.StringNotUnicode;   // invalid UTF-8 or a lone surrogate once unescaped
            }

            if (reader.TokenType == JsonTokenType.PropertyName && !AddName(objects, text))
            {
                return JsonTextFault.DuplicateProperty;
            }
        }

        return JsonTextFault.None;
    }

    /// <summary>Adds a property name to the innermost object's; false when it already had it.</summary>
    private static bool AddName(Stack<HashSet<string>?> objects, string name)
    {
        HashSet<string>? names = objects.Pop();
        names ??= new HashSet<string>(StringComparer.Ordinal);
        bool added = names.Add(name);
        objects.Push(names);
        return added;
    }
}
