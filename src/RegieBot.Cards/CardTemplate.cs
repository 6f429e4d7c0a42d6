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
public sealed partial class CardTemplate
{
    private readonly JsonNode _template;

    public CardTemplate(string name, JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Name = name;
        _template = template;
    }

    public string Name { get; }

    public static CardTemplate Parse(string name, string json) =>
        new(name, JsonNode.Parse(json) ?? throw new FormatException($"Card template {name} is empty."));

    public JsonObject Expand(JsonNode? data)
    {
        Scope root = new(data, data, null);
        JsonNode? expanded = ExpandNode(_template, root);
        return UniversalActions.AddSubmitFallbacks(
            expanded as JsonObject ?? throw new InvalidOperationException($"Card template {Name} did not expand to an object."));
    }

    private static JsonNode? ExpandNode(JsonNode? node, Scope scope) => node switch
    {
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

            if (child is JsonObject property && property.TryGetPropertyValue("$when", out JsonNode? when) && !IsTruthy(EvaluateWhen(when, scope)))
            {
                continue;   // an object-valued property (e.g. refresh) with a false $when is left out
            }

            JsonNode? expanded = ExpandNode(child, scope);
            if (expanded is null && child is JsonValue binding && binding.GetValueKind() == JsonValueKind.String)
            {
                continue;   // a binding to a missing value leaves the property out, as if it was never set
            }

            result[key] = expanded;
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
                ? Evaluate(StripBinding(v.GetValue<string>()), scope)
                : dataBinding;
            scopes = bound is JsonArray items
                ? items.Select((element, index) => new Scope(element, scope.Root, index))
                : [new Scope(bound, scope.Root, scope.Index)];
        }

        foreach (Scope itemScope in scopes)
        {
            if (obj.TryGetPropertyValue("$when", out JsonNode? when) && !IsTruthy(EvaluateWhen(when, itemScope)))
            {
                continue;
            }

            yield return ExpandObject(obj, itemScope);
        }
    }

    private static JsonNode? EvaluateWhen(JsonNode? when, Scope scope) =>
        when is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Evaluate(StripBinding(v.GetValue<string>()), scope) : when;

    private static JsonNode? ExpandString(string text, Scope scope)
    {
        Match whole = WholeBinding().Match(text);
        if (whole.Success)
        {
            return Evaluate(whole.Groups[1].Value, scope)?.DeepClone();
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        return JsonValue.Create(Binding().Replace(text, m => AsText(Evaluate(m.Groups[1].Value, scope))));
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
    /// </summary>
    internal static JsonNode? Evaluate(string expression, Scope scope)
    {
        string expr = expression.Trim();
        Match comparison = Comparison().Match(expr);
        if (comparison.Success)
        {
            JsonNode? left = Evaluate(comparison.Groups["left"].Value, scope);
            JsonNode? right = Evaluate(comparison.Groups["right"].Value, scope);
            return JsonValue.Create(Compare(left, right, comparison.Groups["op"].Value));
        }

        if (expr.StartsWith('!'))
        {
            return JsonValue.Create(!IsTruthy(Evaluate(expr[1..], scope)));
        }

        Match count = Count().Match(expr);
        if (count.Success)
        {
            return JsonValue.Create(Evaluate(count.Groups[1].Value, scope) is JsonArray a ? a.Count : 0);
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
            _ when PathExpression().IsMatch(expr) => ResolvePath(expr, scope),
            _ => throw new FormatException($"Unsupported template expression '{expression}'."),
        };
    }

    private static JsonNode? ResolvePath(string path, Scope scope)
    {
        string[] segments = path.Split('.');
        JsonNode? current;
        int start = 1;
        switch (segments[0])
        {
            case "$root":
                current = scope.Root;
                break;
            case "$data":
                current = scope.Data;
                break;
            case "$index":
                return scope.Index is int index ? JsonValue.Create(index) : null;
            default:
                current = scope.Data;
                start = 0;
                break;
        }

        for (int i = start; i < segments.Length && current is not null; i++)
        {
            current = Step(current, segments[i]);
        }

        return current;
    }

    private static JsonNode? Step(JsonNode current, string segment)
    {
        Match m = Segment().Match(segment);
        JsonNode? next = m.Groups["name"].Value.Length == 0 ? current
            : current is JsonObject obj && obj.TryGetPropertyValue(m.Groups["name"].Value, out JsonNode? child) ? child
            : null;
        foreach (Capture index in m.Groups["index"].Captures)
        {
            int i = int.Parse(index.Value, CultureInfo.InvariantCulture);
            next = next is JsonArray array && i < array.Count ? array[i] : null;
        }

        return next;
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

    internal static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => TryNumber(v, out double d) && d != 0,
            _ => true,
        },
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
