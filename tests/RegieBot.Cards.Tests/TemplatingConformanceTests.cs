using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

/// <summary>
/// CardTemplate implements the part of the Adaptive Card templating language that cards/ uses. Every expansion of
/// every sample card is expanded again, with the same template and data, by the official engine (npm
/// adaptivecards-templating with adaptive-expressions, scripts/expand-cards.cjs): the results must be the same.
/// </summary>
public sealed class TemplatingConformanceTests
{
    [Fact]
    public async Task Samples_EveryExpansion_IsWhatTheOfficialEngineMakesOfIt()
    {
        List<(string Template, JsonNode? Data, JsonObject Card)> expansions = [];
        CardTemplates templates = new((template, data, card) => expansions.Add((template.Name, data?.DeepClone(), (JsonObject)card.DeepClone())));
        _ = CardSamples.All(templates).ToList();

        JsonArray official = await ExpandOfficiallyAsync(expansions.Select(e => ((JsonNode)e.Template, e.Data)));

        Assert.Equal(expansions.Count, official.Count);
        List<string> differences = [];
        for (int i = 0; i < expansions.Count; i++)
        {
            foreach (string difference in Differences("$", official[i], expansions[i].Card).Take(5))
            {
                differences.Add($"{expansions[i].Template} (expansion {i}): {difference}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} difference(s) from the official engine:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(40))}");
        Assert.Equal(new CardTemplates().Names.Order(StringComparer.Ordinal), expansions.Select(e => e.Template["cards/".Length..^".json".Length]).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The corners of the language where a hand-written engine is most likely to differ.</summary>
    public static TheoryData<string, string> Corners => new()
    {
        { """{"a":"Hallo ${voornaam}!","b":"${voornaam}","c":"${kaart.titel}","d":null,"e":"${leeg}"}""", """{"kaart":null,"leeg":null}""" },
        { """{"body":[{"$when":"${!s}","v":1},{"$when":"${!z}","v":2},{"$when":"${s}","v":3},{"$when":"${one}","v":4},{"$when":"${show}","v":5},{"$when":"${!missing}","v":6},{"$when":"${missing}","v":7}]}""", """{"s":"","z":0,"one":1,"show":true}""" },
        { """{"body":[{"$when":"${missing == 'x'}","v":1},{"$when":"${missing != 'x'}","v":2},{"$when":"${n >= 2}","v":3},{"$when":"${t == 'a'}","v":4},{"$when":"${count(l) == 2}","v":5}]}""", """{"n":2,"t":"a","l":[1,2]}""" },
        { """{"body":[{"$data":"${items}","text":"${$index}: ${name} (${$root.casus})","n":"${$index}"},{"$data":"${leeg}","text":"x"},{"$data":"${kaart}","text":"${titel}"}]}""", """{"casus":"K","items":[{"name":"a"},{"name":"b"}],"leeg":[],"kaart":{"titel":"T"}}""" },
        { """{"body":[{"$data":"${list}","text":"• ${$data}","$when":"${$data != 'y'}"}],"n":"${count(list)}","o":"${obj}","b":"${flag}"}""", """{"list":["x","y","z"],"obj":{"a":[1]},"flag":false}""" },
    };

    [Theory]
    [MemberData(nameof(Corners))]
    public async Task Expand_Corner_IsWhatTheOfficialEngineMakesOfIt(string template, string data)
    {
        JsonNode? input = JsonNode.Parse(data);
        JsonObject ours = CardTemplate.Parse("corner", template).Expand(input);
        JsonArray official = await ExpandOfficiallyAsync([(JsonNode.Parse(template)!, input)]);

        Assert.Equal([], Differences("$", official[0], ours));
    }

    /// <summary>Each template is a path relative to the repository (a JSON string) or the template itself.</summary>
    internal static async Task<JsonArray> ExpandOfficiallyAsync(IEnumerable<(JsonNode Template, JsonNode? Data)> expansions)
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "adaptivecards-templating")),
            "node_modules/adaptivecards-templating is missing: run 'npm ci' (scripts/test.sh does).");
        string folder = Directory.CreateTempSubdirectory("regiebot-templating-").FullName;
        try
        {
            string file = Path.Combine(folder, "expansions.json");
            JsonArray input = [.. expansions.Select(e => new JsonObject { ["template"] = e.Template.DeepClone(), ["data"] = e.Data?.DeepClone() })];
            await File.WriteAllTextAsync(file, input.ToJsonString(), TestContext.Current.CancellationToken);
            ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "expand-cards.cjs"));
            start.ArgumentList.Add(file);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            string error = await stderr;
            Assert.True(process.ExitCode == 0, $"expand-cards failed: {error}");
            return JsonNode.Parse(await stdout)!.AsArray();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Where two JSON trees differ, as JSON paths with both values.</summary>
    internal static IEnumerable<string> Differences(string path, JsonNode? official, JsonNode? ours)
    {
        switch (official, ours)
        {
            case (JsonObject o, JsonObject u):
                foreach (string key in o.Select(p => p.Key).Union(u.Select(p => p.Key)))
                {
                    if (!u.ContainsKey(key))
                    {
                        yield return $"{path}.{key}: official {Text(o[key])}, ours has no such property";
                    }
                    else if (!o.ContainsKey(key))
                    {
                        yield return $"{path}.{key}: ours {Text(u[key])}, the official engine has no such property";
                    }
                    else
                    {
                        foreach (string d in Differences($"{path}.{key}", o[key], u[key]))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case (JsonArray o, JsonArray u) when o.Count == u.Count:
                for (int i = 0; i < o.Count; i++)
                {
                    foreach (string d in Differences($"{path}[{i}]", o[i], u[i]))
                    {
                        yield return d;
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(official, ours))
                {
                    yield return $"{path}: official {Text(official)}, ours {Text(ours)}";
                }

                break;
        }
    }

    private static string Text(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 160 ? text : text[..160] + "…";
    }
}
