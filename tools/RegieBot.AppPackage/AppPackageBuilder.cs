using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegieBot.Domain.Commands;

namespace RegieBot.AppPackage;

/// <summary>
/// Builds the Teams app package from <c>manifest/</c>: fills the <c>${{NAME}}</c> placeholders, writes the command
/// lists from <see cref="BotCommands"/>, and zips manifest.json with the two icons at the root.
/// </summary>
internal static partial class AppPackageBuilder
{
    public const string ManifestFile = "manifest.json";

    /// <summary>Fixed entry times, so the same input gives the same zip.</summary>
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep "cliënt" readable
    };

    public static JsonObject ReadTemplate(string manifestDirectory)
    {
        string path = Path.Combine(manifestDirectory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new PackageException($"{path} not found.");
        }

        return JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new PackageException($"{path} is not a JSON object.");
    }

    /// <summary>The manifest as it goes into the package.</summary>
    public static JsonObject Fill(JsonObject template, PackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        JsonObject manifest = template.DeepClone().AsObject();
        ReplacePlaceholders(manifest, settings.Placeholders);
        WithCommandLists(manifest);
        if (settings.Version is { } version)
        {
            if (!SemVer().IsMatch(version))
            {
                throw new PackageException($"{PackageSettings.AppVersionVariable} '{version}' is not a semantic version such as 1.0.1.");
            }

            manifest["version"] = version;
        }

        return manifest;
    }

    /// <summary>Sets <c>bots[0].commandLists</c> from <see cref="BotCommands.All"/>.</summary>
    public static JsonObject WithCommandLists(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        JsonObject bot = manifest["bots"]?[0]?.AsObject() ?? throw new PackageException("The manifest has no bots[0].");
        bot["commandLists"] = ManifestCommands.BuildCommandLists(BotCommands.All);
        return manifest;
    }

    /// <summary>The zip a Teams administrator uploads: manifest.json and the icons it names, at the root.</summary>
    public static byte[] BuildZip(string manifestDirectory, PackageSettings settings)
    {
        JsonObject manifest = Fill(ReadTemplate(manifestDirectory), settings);
        using MemoryStream buffer = new();
        using (ZipArchive zip = new(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(zip, ManifestFile, Encoding.UTF8.GetBytes(Serialize(manifest)));
            foreach (string? icon in new[] { (string?)manifest["icons"]?["color"], (string?)manifest["icons"]?["outline"] })
            {
                if (string.IsNullOrEmpty(icon) || icon.Contains('/', StringComparison.Ordinal) || icon.Contains('\\', StringComparison.Ordinal))
                {
                    throw new PackageException("icons.color and icons.outline must name files beside manifest.json.");
                }

                string path = Path.Combine(manifestDirectory, icon);
                if (!File.Exists(path))
                {
                    throw new PackageException($"{path} not found: run the 'icons' command to draw the icons.");
                }

                AddEntry(zip, icon, File.ReadAllBytes(path));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Draws color.png and outline.png into <paramref name="manifestDirectory"/>.</summary>
    public static void WriteIcons(string manifestDirectory)
    {
        File.WriteAllBytes(Path.Combine(manifestDirectory, "color.png"), PngEncoder.Encode(IconPainter.PaintColor()));
        File.WriteAllBytes(Path.Combine(manifestDirectory, "outline.png"), PngEncoder.Encode(IconPainter.PaintOutline()));
    }

    /// <summary>Rewrites the command lists of the manifest in the repository from <see cref="BotCommands"/>.</summary>
    public static void WriteCommandLists(string manifestDirectory)
    {
        JsonObject manifest = WithCommandLists(ReadTemplate(manifestDirectory));
        File.WriteAllText(Path.Combine(manifestDirectory, ManifestFile), Serialize(manifest) + "\n");
    }

    public static string Serialize(JsonNode manifest) => manifest.ToJsonString(WriteOptions);

    private static void ReplacePlaceholders(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue(out string? text))
                    {
                        obj[key] = Substitute(text, values);
                    }
                    else if (obj[key] is { } child)
                    {
                        ReplacePlaceholders(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue(out string? text))
                    {
                        array[i] = Substitute(text, values);
                    }
                    else if (array[i] is { } child)
                    {
                        ReplacePlaceholders(child, values);
                    }
                }

                break;
        }
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out string? value)
            ? value
            : throw new PackageException($"The manifest uses ${{{{{match.Groups[1].Value}}}}}, which has no value: it is not one of {string.Join(", ", values.Keys)}."));

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using Stream stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
