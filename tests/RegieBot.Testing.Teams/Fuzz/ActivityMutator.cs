using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace RegieBot.Testing.Teams.Fuzz;

public enum MutationKind
{
    Replace,
    Remove,
    Duplicate,
    SwapStringAndNumber,
    Nest,
    AddField,
    SetType,
    SetVerb,
    SetInvokeName,
    SetCommand,
    Truncate,
    LoneSurrogate,
    InvalidUtf8,
    ByteOrderMark,
    DuplicateKey,
}

public enum FuzzAuth
{
    Valid,
    None,
    Garbage,
}

/// <summary>One change to a seed: what, where (an index into the seed's nodes in document order) and with what (JSON text).</summary>
public sealed record Mutation(MutationKind Kind, int Target, string Value, string Text)
{
    public override string ToString() => $"{Kind}@{Target}({Shorten(Text)}, {Shorten(Value)})";

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..40]}…[{text.Length} chars]";
}

/// <summary>A seed activity with the mutations applied to it, and how the request is authenticated.</summary>
public sealed record FuzzCase(int Seed, Mutation[] Mutations, FuzzAuth Auth)
{
    /// <summary>Changes after which no body is a valid activity any more: the answer must be a 4xx.</summary>
    public static readonly MutationKind[] Refused =
        [MutationKind.Truncate, MutationKind.LoneSurrogate, MutationKind.InvalidUtf8, MutationKind.ByteOrderMark, MutationKind.DuplicateKey];

    public override string ToString() => $"seed {Seed} ({Auth}): {string.Join(", ", Mutations.Select(m => m.ToString()))}";

    /// <summary>Whether a mutation left bytes that are no valid JSON text or an ambiguous one, which must be refused.</summary>
    public bool MustBeRefused => Mutations.Any(m => Refused.Contains(m.Kind));

    /// <summary>The request body. Deterministic: the same case always renders the same body (for the same seeds).</summary>
    public byte[] Render(IReadOnlyList<Func<JsonObject>> seeds) => Render(seeds, out _);

    /// <summary>
    /// The request body and the serviceUrl it names (what a valid token is issued for). JSON-level mutations change
    /// the seed's tree; then, on the serialised text, a duplicate key, an escaped lone surrogate, raw bytes that are no
    /// UTF-8, a cut at a byte (also inside a character) and a byte order mark in front.
    /// </summary>
    public byte[] Render(IReadOnlyList<Func<JsonObject>> seeds, out string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        JsonObject root = seeds[Seed % seeds.Count]();
        List<(JsonObject Owner, string Name, string Value)> duplicates = [];
        foreach (Mutation mutation in Mutations.Where(m => !Refused.Contains(m.Kind)))
        {
            ActivityMutator.Apply(root, mutation, duplicates);
        }

        foreach (Mutation mutation in Mutations.Where(m => m.Kind == MutationKind.DuplicateKey))
        {
            ActivityMutator.AddDuplicateKey(root, mutation, duplicates);
        }

        serviceUrl = root["serviceUrl"] is JsonValue url && url.GetValueKind() == JsonValueKind.String ? (string?)url : null;
        string json = Mutations.Where(m => m.Kind == MutationKind.LoneSurrogate).Select(m => m.Target)
            .Aggregate(ActivityMutator.Write(root, duplicates), ActivityMutator.InsertLoneSurrogate);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        foreach (Mutation mutation in Mutations.Where(m => m.Kind == MutationKind.InvalidUtf8))
        {
            bytes = ActivityMutator.InsertInvalidUtf8(bytes, mutation.Target, mutation.Text);
        }

        foreach (Mutation mutation in Mutations.Where(m => m.Kind == MutationKind.Truncate))
        {
            bytes = bytes.Length > 0 ? bytes[..(mutation.Target % bytes.Length)] : bytes;
        }

        return Mutations.Any(m => m.Kind == MutationKind.ByteOrderMark) ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }
}

/// <summary>
/// Generates mutated Teams activities with CsCheck: a seed of <see cref="FuzzSeeds"/> and one to four mutations —
/// types, verbs and invoke names swapped, values replaced (numbers where strings are expected, unicode, empty and
/// huge strings, deep nesting), fields removed, duplicated or added, the body cut off — and now and then no or a
/// garbage token; and at the byte level a duplicate key, a lone surrogate, bytes that are no UTF-8, a cut at any byte
/// and a byte order mark. Cases are small records, so CsCheck can shrink a failure to its smallest form.
/// </summary>
public static class ActivityMutator
{
    private static readonly string[] InterestingStrings =
    [
        "", " ", "onbekend", "null", "true", "0", "-1", "1e309", "NaN", "123456782", "123\u200B456\u200B782", "１２３４５６７８２",
        "<at>RegieBot</at>", "<at>RegieBot</at> opschalen het loopt vast", "<script>alert(1)</script>", "[x](https://evil.example)",
        "\u202Eevil", "\uFEFF", "\u0000", "d'Hondt", "'t Hart", "Zoë 👩‍👩‍👧", "ǅ", "İ", "\r\n", "%00", "../../etc/passwd",
        "msteams", "webchat", "directline", FuzzSeeds.KaartId, "k-", "k-onbekend", FuzzSeeds.ThreadId, FuzzSeeds.ChannelId,
        FuzzSeeds.ServiceUrl, "https://evil.example/", "http://127.0.0.1/", "2026-02-30", "9999-12-31", "0001-01-01",
        "2026-01-01T00:00:00Z", "P3M", FuzzSeeds.UserAadObjectId, "00000000-0000-0000-0000-000000000000", FuzzSeeds.TenantId,
        "a:1personalFuzz", "29:1fuzzUser", FuzzSeeds.BotId, "personal", "channel", "groupChat", "automatic", "manual",
        "volgende", "vorige", "toevoegen", "verwijderen", "annuleren", "blijven", "later", "p-1", "p-999",
    ];

    private static readonly string[] FieldNames =
    [
        "type", "id", "text", "value", "name", "action", "verb", "data", "trigger", "kaartId", "step", "revision", "channelData",
        "tenant", "team", "channel", "conversation", "from", "recipient", "aadObjectId", "entities", "mentioned", "membersAdded",
        "membersRemoved", "serviceUrl", "channelId", "replyToId", "eventType", "professionalId", "keuze", "queryText", "dataset",
        "attachments", "__proto__", "$type", "",
    ];

    /// <summary>Byte sequences that are no UTF-8 (as hex): stray bytes, cut and overlong sequences, an encoded surrogate, beyond U+10FFFF.</summary>
    private static readonly string[] InvalidUtf8 = ["FF", "FE", "80", "BF", "C3", "C328", "E282", "F0908C", "C0AF", "E080AF", "EDA080", "EDBFBF", "F4908080", "F8888080"];

    /// <summary>The properties a duplicate is most telling for; any other property is taken when the body has none of them.</summary>
    private static readonly string[] DuplicatedNames = ["value", "type", "name", "verb", "kaartId", "text", "serviceUrl", "conversation", "from", "id", "aadObjectId", "action", "data"];

    private static readonly Gen<string> StringValue = Gen.Frequency(
        (60, Gen.OneOf(InterestingStrings)),
        (30, Gen.String),
        (20, Gen.Char["\u0000\u0001\u200B\u200D\u202E\u2066\uFEFF\u00A0\u0660\uFF11\u0301aZ09 /.-€😀"].Array[0, 40].Select(c => new string(c))),
        (20, Gen.Select(Gen.OneOf(InterestingStrings), Gen.String).Select((a, b) => a + b)),
        (10, Gen.Int[1_000, 40_000].Select(n => new string('x', n))),
        (1, Gen.Int[500_000, 600_000].Select(n => new string('ä', n / 2))));

    private static readonly Gen<string> NumberText = Gen.Frequency(
        (3, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("0", "-0", "1e400", "-1e400", "1.0", "12345678901234567890123456789", "0.0000000001", "2147483648", "-2147483649")));

    /// <summary>A JSON value as text: strings, numbers, literals, containers and deep nesting.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (8, StringValue.Select(s => JsonSerializer.Serialize(s, Options))),
        (4, NumberText),
        (2, Gen.OneOf("true", "false", "null", "{}", "[]", "[null]", "{\"\":null}")),
        (1, Gen.Int[1, 200].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[1, 200].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        (1, Gen.Select(Gen.OneOf(FieldNames), StringValue).Select((k, v) => $"{{{JsonSerializer.Serialize(k, Options)}:{JsonSerializer.Serialize(v, Options)}}}")),
        (1, Gen.Int[0, 2000].Select(n => "[" + string.Join(",", Enumerable.Repeat("{}", n)) + "]")));

    private static readonly Gen<Mutation> OneMutation = Gen.Frequency(
        (10, Gen.Select(Gen.Int[0, 500], Value).Select((t, v) => new Mutation(MutationKind.Replace, t, v, ""))),
        (4, Gen.Int[0, 500].Select(t => new Mutation(MutationKind.Remove, t, "", ""))),
        (3, Gen.Select(Gen.Int[0, 500], Value).Select((t, v) => new Mutation(MutationKind.Duplicate, t, v, ""))),
        (4, Gen.Int[0, 500].Select(t => new Mutation(MutationKind.SwapStringAndNumber, t, "", ""))),
        (2, Gen.Select(Gen.Int[0, 500], Gen.Int[1, 80]).Select((t, d) => new Mutation(MutationKind.Nest, t, "", d.ToString(CultureInfo.InvariantCulture)))),
        (3, Gen.Select(Gen.Int[0, 500], Value, Gen.OneOf(FieldNames)).Select((t, v, n) => new Mutation(MutationKind.AddField, t, v, n))),
        (2, Gen.OneOf(FuzzSeeds.ActivityTypes).Select(s => new Mutation(MutationKind.SetType, 0, "", s))),
        (3, Gen.OneOf(FuzzSeeds.Verbs).Select(s => new Mutation(MutationKind.SetVerb, 0, "", s))),
        (2, Gen.OneOf(FuzzSeeds.InvokeNames).Select(s => new Mutation(MutationKind.SetInvokeName, 0, "", s))),
        (3, Gen.Select(Gen.OneOf(FuzzSeeds.Commands), StringValue).Select((c, s) => new Mutation(MutationKind.SetCommand, 0, "", c + " " + s))),
        (1, Gen.Int[0, int.MaxValue].Select(t => new Mutation(MutationKind.Truncate, t, "", ""))),
        (1, Gen.Int[0, 500].Select(t => new Mutation(MutationKind.LoneSurrogate, t, "", ""))),
        (1, Gen.Select(Gen.Int[0, 500], Gen.OneOf(InvalidUtf8)).Select((t, b) => new Mutation(MutationKind.InvalidUtf8, t, "", b))),
        (1, Gen.Const(new Mutation(MutationKind.ByteOrderMark, 0, "", ""))),
        (1, Gen.Select(Gen.Int[0, 500], Gen.Frequency((1, Gen.Const("")), (1, Value))).Select((t, v) => new Mutation(MutationKind.DuplicateKey, t, v, ""))));

    /// <summary>
    /// Mostly valid tokens, so nearly every case reaches the handlers; sometimes none or garbage. The seed is an index
    /// taken modulo the run's seed list (<see cref="FuzzSeeds.All"/> and a real dialog's cards).
    /// </summary>
    public static readonly Gen<FuzzCase> Case = Gen.Select(
        Gen.Int[0, 1_000_000],
        Gen.Frequency((4, OneMutation.Array[1, 1]), (3, OneMutation.Array[2, 2]), (2, OneMutation.Array[3, 4]), (1, OneMutation.Array[0, 0])),
        Gen.Frequency((18, Gen.Const(FuzzAuth.Valid)), (1, Gen.Const(FuzzAuth.None)), (1, Gen.Const(FuzzAuth.Garbage))))
        .Select((seed, mutations, auth) => new FuzzCase(seed, mutations, auth));

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 1024 };

    internal static void Apply(JsonObject root, Mutation mutation, List<(JsonObject Owner, string Name, string Value)> duplicates)
    {
        switch (mutation.Kind)
        {
            case MutationKind.SetType:
                root["type"] = mutation.Text;
                return;
            case MutationKind.SetInvokeName:
                root["name"] = mutation.Text;
                return;
            case MutationKind.SetCommand:
                bool personal = root["conversation"] is JsonObject { } conversation
                    && conversation["conversationType"] is JsonValue kind && kind.GetValueKind() == JsonValueKind.String && (string?)kind == "personal";
                root["text"] = (personal ? "" : "<at>RegieBot</at> ") + mutation.Text;
                return;
            case MutationKind.SetVerb:
                if (root["value"] is JsonObject value)
                {
                    if (value["action"] is JsonObject action)
                    {
                        action["verb"] = mutation.Text;
                    }
                    else
                    {
                        value["verb"] = mutation.Text;
                    }
                }

                return;
        }

        List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> slots = [];
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return;
        }

        (JsonNode parent, string? name, int index, JsonNode? node) = slots[mutation.Target % slots.Count];
        switch (mutation.Kind)
        {
            case MutationKind.Replace:
                Set(parent, name, index, Parse(mutation.Value));
                break;
            case MutationKind.Remove:
                if (parent is JsonObject owner)
                {
                    owner.Remove(name!);
                }
                else
                {
                    ((JsonArray)parent).RemoveAt(index);
                }

                break;
            case MutationKind.Duplicate:
                if (parent is JsonObject duplicated)
                {
                    duplicates.Add((duplicated, name!, mutation.Value));
                }
                else
                {
                    ((JsonArray)parent).Insert(index, node?.DeepClone());
                }

                break;
            case MutationKind.SwapStringAndNumber:
                Set(parent, name, index, Swap(node));
                break;
            case MutationKind.Nest:
                JsonNode? nested = node?.DeepClone();
                int depth = int.Parse(mutation.Text, CultureInfo.InvariantCulture);
                for (int level = 0; level < depth; level++)
                {
                    nested = level % 2 == 0 ? new JsonArray(nested) : new JsonObject { [name ?? "v"] = nested };
                }

                Set(parent, name, index, nested);
                break;
            case MutationKind.AddField:
                JsonObject target = node as JsonObject ?? parent as JsonObject ?? root;
                target[mutation.Text] = Parse(mutation.Value);
                break;
        }
    }

    /// <summary>
    /// Puts an escaped lone surrogate (<c>\ud800</c>) at the start of one string of the body (a value or a property
    /// name, counted in document order), which no <see cref="JsonNode"/> can hold: valid JSON, but text that does not
    /// decode. A body that is no JSON any more (an earlier mutation) stays as it is.
    /// </summary>
    internal static string InsertLoneSurrogate(string json, int target)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return StringStart(bytes, target) is { } at
            ? Encoding.UTF8.GetString([.. bytes[..at], .. "\\ud800"u8, .. bytes[at..]])
            : json;
    }

    /// <summary>
    /// Writes one of the body's properties a second time right after the first, preferring <c>value</c>, <c>type</c>,
    /// <c>verb</c> and the like: with the same value when <see cref="Mutation.Value"/> is empty, otherwise with it.
    /// </summary>
    internal static void AddDuplicateKey(JsonObject root, Mutation mutation, List<(JsonObject Owner, string Name, string Value)> duplicates)
    {
        List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> slots = [];
        Collect(root, slots);
        List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> properties = [.. slots.Where(s => s.Name is not null)];
        List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> telling = [.. properties.Where(s => DuplicatedNames.Contains(s.Name))];
        List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> candidates = telling.Count > 0 ? telling : properties;
        if (candidates.Count == 0)
        {
            root["type"] ??= "message";
            candidates = [(root, "type", -1, root["type"])];
        }

        (JsonNode owner, string? name, _, JsonNode? node) = candidates[mutation.Target % candidates.Count];
        duplicates.Add(((JsonObject)owner, name!, mutation.Value.Length > 0 ? mutation.Value : node?.ToJsonString(Options) ?? "null"));
    }

    /// <summary>
    /// Puts raw bytes that are no UTF-8 (<paramref name="hex"/>) at the start of one string of the body, counted in
    /// document order. A body that is no JSON any more gets them in front.
    /// </summary>
    internal static byte[] InsertInvalidUtf8(byte[] bytes, int target, string hex)
    {
        byte[] invalid = Convert.FromHexString(hex);
        return StringStart(bytes, target) is { } at ? [.. bytes[..at], .. invalid, .. bytes[at..]] : [.. invalid, .. bytes];
    }

    /// <summary>
    /// Just after the opening quote of one string of the body (a value or a property name, counted in document order);
    /// null when the body is no JSON any more (an earlier mutation) or holds no string.
    /// </summary>
    private static int? StringStart(byte[] bytes, int target)
    {
        List<long> starts = [];
        try
        {
            Utf8JsonReader reader = new(bytes, new JsonReaderOptions { MaxDepth = 1024 });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    starts.Add(reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return starts.Count == 0 ? null : (int)starts[target % starts.Count] + 1;
    }

    /// <summary>Writes the document, with each duplicated field written a second time (with another value) right after the first.</summary>
    internal static string Write(JsonObject root, List<(JsonObject Owner, string Name, string Value)> duplicates)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            WriteNode(writer, root, duplicates);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, List<(JsonObject Owner, string Name, string Value)> duplicates)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach ((string name, JsonNode? child) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, child, duplicates);
                    foreach ((JsonObject _, string _, string value) in duplicates.Where(d => ReferenceEquals(d.Owner, obj) && d.Name == name))
                    {
                        writer.WritePropertyName(name);
                        writer.WriteRawValue(value, skipInputValidation: true);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? child in array)
                {
                    WriteNode(writer, child, duplicates);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Name, int Index, JsonNode? Node)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach ((string name, JsonNode? child) in obj)
            {
                slots.Add((obj, name, -1, child));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                slots.Add((array, null, i, array[i]));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[name!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    private static JsonValue Swap(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => decimal.TryParse((string?)v, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d)
            ? JsonValue.Create(d)
            : JsonValue.Create(((string?)v)?.Length ?? 0),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.ToJsonString()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(v.GetValueKind() == JsonValueKind.True ? "true" : "false"),
        JsonObject o => JsonValue.Create(o.ToJsonString()),
        JsonArray a => JsonValue.Create(a.Count),
        _ => JsonValue.Create(0),
    };

    private static JsonNode? Parse(string json) => JsonNode.Parse(json, NodeOptions, DocumentOptions);
}
