using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace RegieBot.Cards;

/// <summary>The card templates of <c>cards/</c>, embedded in this assembly and parsed once at start.</summary>
public sealed class CardTemplates
{
    private const string Prefix = "cards/";
    private readonly FrozenDictionary<string, CardTemplate> _templates;

    public CardTemplates()
        : this(expanded: null)
    {
    }

    /// <summary><paramref name="expanded"/> sees every expansion of every template (the conformance test's seam).</summary>
    internal CardTemplates(Action<CardTemplate, JsonNode?, JsonObject>? expanded)
    {
        Assembly assembly = typeof(CardTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[Prefix.Length..^".json".Length],
                n => CardTemplate.Parse(n, Read(assembly, n), expanded),
                StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _templates.Keys;

    public CardTemplate this[string name] =>
        _templates.TryGetValue(name, out CardTemplate? template)
            ? template
            : throw new KeyNotFoundException($"No card template '{name}' in cards/.");

    private static string Read(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using StreamReader reader = new(stream);
        return reader.ReadToEnd();
    }
}
