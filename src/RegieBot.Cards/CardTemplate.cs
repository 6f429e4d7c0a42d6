using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RegieBot.Cards;

/// <summary>
/// An Adaptive Card template (the templating language subset we use): <c>${path}</c> bindings,
/// <c>$data</c> (scope, or repetition over an array), <c>$when</c>, <c>$root</c> and <c>$index</c>.
/// Bound values are inserted as JSON values, never spliced into JSON text. Parsed once; every
/// <see cref="Expand"/> works on a copy.
/// </summary>
/// <remarks>
/// It expands as the official engine (npm adaptivecards-templating with adaptive-expressions) does, which
/// TemplatingConformanceTests checks for every card: a value that is not there stays as the literal <c>${path}</c>
/// (so a card test finds it), a binding to <c>null</c> is a <c>null</c> property, only <c>false</c> and <c>null</c>
/// are false for <c>!</c>, and <c>$when</c> keeps an element only when it is the boolean <c>true</c>. Differences
/// kept on purpose: <c>null</c> inside a text is empty text (the official engine throws), <c>count</c> of
/// something that is not there is 0 (the official engine counts the characters of <c>${path}</c>), and
/// <c>$data</c>/<c>$when</c> are allowed on array items only (elsewhere they throw, so a template cannot rely
/// on them silently).
/// </remarks>
public sealed partial class CardTemplate
{
    private readonly JsonNode _template;
    private readonly Action<CardTemplate, JsonNode?, JsonObject>? _expanded;

    public CardTemplate(string name, JsonNode template)
        : this(name, template, expanded: null)
    {
    }

    /// <summary><paramref name="expanded"/> sees every expansion (template, data, card): the conformance test's seam.</summary>
    internal CardTemplate(string name, JsonNode template, Action<CardTemplate, JsonNode?, JsonObject>? expanded)
    {
        ArgumentNullException.ThrowIfNull(template);
        Name = name;
        _template = template;
        _expanded = expanded;
    }

    public string Name { get; }

    public static CardTemplate Parse(string name, string json) => Parse(name, json, expanded: null);

    internal static CardTemplate Parse(string name, string json, Action<CardTemplate, JsonNode?, JsonObject>? expanded) =>
        new(name, JsonNode.Parse(json) ?? throw new FormatException($"Card template {name} is empty."), expanded);

    public JsonObject Expand(JsonNode? data)
    {
        Scope root = new(data, data, null);
        JsonObject card = ExpandNode(_template, root) as JsonObject
            ?? throw new InvalidOperationException($"Card template {Name} did not expand to an object.");
        _expanded?.Invoke(this, data, card);
        return UniversalActions.AddSubmitFallbacks(card);   // Teams' own addition, after the templating proper
    }

    private static JsonNode? ExpandNode(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj when obj.ContainsKey("$data") || obj.ContainsKey("$when") =>
            throw new FormatException("$data and $when are supported on array items only."),
        JsonObject obj => ExpandObject(obj, scope),
        JsonArray array => ExpandArray(array, scope),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => ExpandString(value.GetValue<string>(), scope),
        _ => node?.DeepClone(),
    };

    private static JsonObject ExpandObject(JsonObject obj, Scope scope)
    {
        JsonObject result = [];
        foreach ((string key, JsonNode? child) in obj)
        {
            if (key is "$data" or "$when")
            {
                continue;
            }

            result[key] = ExpandNode(child, scope);
        }

        return result;
    }

    private static JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        JsonArray result = [];
        foreach (JsonNode? item in array)
        {
            foreach (JsonNode? expanded in ExpandItem(item, scope))
            {
                result.Add(expanded);
            }
        }

        return result;
    }

    /// <summary>An array item may repeat (<c>$data</c> bound to an array) or vanish (<c>$when</c> false).</summary>
    private static IEnumerable<JsonNode?> ExpandItem(JsonNode? item, Scope scope)
    {
        if (item is not JsonObject obj)
        {
            yield return ExpandNode(item, scope);
            yield break;
        }

        IEnumerable<Scope> scopes = [scope];
        if (obj.TryGetPropertyValue("$data", out JsonNode? dataBinding))
        {
            JsonNode? bound = dataBinding is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? Evaluate(StripBinding(v.GetValue<string>()), scope, substitute: true)
                : dataBinding;
            scopes = bound is JsonArray items
                ? items.Select((element, index) => new Scope(element, scope.Root, index))
                : [new Scope(bound, scope.Root, scope.Index)];
        }

        foreach (Scope itemScope in scopes)
        {
            if (obj.TryGetPropertyValue("$when", out JsonNode? when) && !IsTrue(EvaluateWhen(when, itemScope)))
            {
                continue;
            }

            yield return ExpandObject(obj, itemScope);
        }
    }

    /// <summary>A <c>$when</c> sees a value that is not there as <c>null</c>, not as its <c>${path}</c> text.</summary>
    private static JsonNode? EvaluateWhen(JsonNode? when, Scope scope) =>
        when is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Evaluate(StripBinding(v.GetValue<string>()), scope, substitute: false) : when;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static JsonNode? ExpandString(string text, Scope scope)
    {
        Match whole = WholeBinding().Match(text);
        if (whole.Success)
        {
            return Evaluate(whole.Groups[1].Value, scope, substitute: true)?.DeepClone();
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        return JsonValue.Create(Binding().Replace(text, m => AsText(Evaluate(m.Groups[1].Value, scope, substitute: true))));
    }

    private static string StripBinding(string text)
    {
        Match whole = WholeBinding().Match(text);
        return whole.Success ? whole.Groups[1].Value : throw new FormatException($"Expected a single binding, got '{text}'.");
    }

    /// <summary>
    /// Expressions: a path (<c>a.b[0].c</c>, <c>$root.x</c>, <c>$index</c>, <c>$data</c>), <c>!expr</c>,
    /// <c>count(path)</c>, and one comparison (<c>== != &gt; &gt;= &lt; &lt;=</c>) with a number, a quoted string,
    /// <c>true</c>/<c>false</c>/<c>null</c> or another path. Anything else is an error, so typos fail in tests.
    /// With <paramref name="substitute"/>, a path that is not there is the text <c>${path}</c>, else <c>null</c>.
    /// </summary>
    internal static JsonNode? Evaluate(string expression, Scope scope, bool substitute)
    {
        string expr = expression.Trim();
        Match comparison = Comparison().Match(expr);
        if (comparison.Success)
        {
            JsonNode? left = Evaluate(comparison.Groups["left"].Value, scope, substitute);
            JsonNode? right = Evaluate(comparison.Groups["right"].Value, scope, substitute);
            return JsonValue.Create(Compare(left, right, comparison.Groups["op"].Value));
        }

        if (expr.StartsWith('!'))
        {
            return JsonValue.Create(!IsTruthy(Evaluate(expr[1..], scope, substitute)));
        }

        Match count = Count().Match(expr);
        if (count.Success)
        {
            return JsonValue.Create(Evaluate(count.Groups[1].Value, scope, substitute: false) switch
            {
                JsonArray a => a.Count,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length,
                _ => 0,
            });
        }

        if (double.TryParse(expr, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return JsonValue.Create(number);
        }

        if (expr.Length >= 2 && expr[0] == '\'' && expr[^1] == '\'')
        {
            return JsonValue.Create(expr[1..^1]);
        }

        return expr switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            _ when PathExpression().IsMatch(expr) => TryResolvePath(expr, scope, out JsonNode? value) ? value
                : substitute ? JsonValue.Create("${" + expr + "}") : null,
            _ => throw new FormatException($"Unsupported template expression '{expression}'."),
        };
    }

    /// <summary>False when the path is not there: a property or item missing, or a step into <c>null</c>.</summary>
    private static bool TryResolvePath(string path, Scope scope, out JsonNode? value)
    {
        string[] segments = path.Split('.');
        value = null;
        int start = 1;
        switch (segments[0])
        {
            case "$root":
                value = scope.Root;
                break;
            case "$data":
                value = scope.Data;
                break;
            case "$index":
                value = scope.Index is int index ? JsonValue.Create(index) : null;
                return scope.Index is not null && segments.Length == 1;
            default:
                value = scope.Data;
                start = 0;
                break;
        }

        for (int i = start; i < segments.Length; i++)
        {
            if (value is null || !TryStep(value, segments[i], out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    private static bool TryStep(JsonNode current, string segment, out JsonNode? next)
    {
        Match m = Segment().Match(segment);
        next = current;
        if (m.Groups["name"].Value.Length > 0
            && !(current is JsonObject obj && obj.TryGetPropertyValue(m.Groups["name"].Value, out next)))
        {
            return false;
        }

        foreach (Capture index in m.Groups["index"].Captures)
        {
            int i = int.Parse(index.Value, CultureInfo.InvariantCulture);
            if (next is not JsonArray array || i >= array.Count)
            {
                return false;
            }

            next = array[i];
        }

        return true;
    }

    private static bool Compare(JsonNode? left, JsonNode? right, string op)
    {
        if (TryNumber(left, out double l) && TryNumber(right, out double r))
        {
            return op switch
            {
                "==" => l.Equals(r),
                "!=" => !l.Equals(r),
                ">" => l > r,
                ">=" => l >= r,
                "<" => l < r,
                "<=" => l <= r,
                _ => throw new FormatException($"Unknown operator {op}."),
            };
        }

        bool equal = JsonNode.DeepEquals(left, right);
        return op switch
        {
            "==" => equal,
            "!=" => !equal,
            _ => false,
        };
    }

    private static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        // A value built in C# keeps its CLR type (int, long, decimal); one parsed from JSON converts to anything.
        if (v.TryGetValue(out double d))
        {
            value = d;
        }
        else if (v.TryGetValue(out int i))
        {
            value = i;
        }
        else if (v.TryGetValue(out long l))
        {
            value = l;
        }
        else if (v.TryGetValue(out decimal m))
        {
            value = (double)m;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>As adaptive-expressions has it: only <c>false</c> and <c>null</c> are false; <c>""</c> and 0 are true.</summary>
    internal static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() is not (JsonValueKind.False or JsonValueKind.Null),
        _ => true,
    };

    private static string AsText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    internal sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);

    [GeneratedRegex(@"^\$\{([^{}]+)\}$")]
    private static partial Regex WholeBinding();

    [GeneratedRegex(@"\$\{([^{}]+)\}")]
    private static partial Regex Binding();

    [GeneratedRegex(@"^(?<left>[^=!<>]+?)\s*(?<op>==|!=|>=|<=|>|<)\s*(?<right>[^=!<>]+)$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^count\(\s*([^()]+?)\s*\)$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^\$?[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[\d+\])*)*$")]
    private static partial Regex PathExpression();

    [GeneratedRegex(@"^(?<name>\$?[A-Za-z_][A-Za-z0-9_]*)?(\[(?<index>\d+)\])*$")]
    private static partial Regex Segment();
}
