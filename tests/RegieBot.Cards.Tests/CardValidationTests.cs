using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

/// <summary>Every card the bot can send is checked as Teams will meet it.</summary>
public sealed class CardValidationTests
{
    private const int MaxCardBytes = 28 * 1024;

    [Fact]
    public void Templates_EveryFileInCardsFolder_HasASampleAndIsEmbedded()
    {
        string[] files = [.. Directory.GetFiles(RepositoryPaths.Cards, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

        Assert.NotEmpty(files);
        Assert.Equal(files, new CardTemplates().Names.Order(StringComparer.Ordinal));
        Assert.Equal(files, CardSamples.ByTemplate.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Samples_EveryCard_IsFullyBoundVersion15AndSmall()
    {
        foreach ((string name, JsonObject card) in CardSamples.All())
        {
            string json = card.ToJsonString();
            Assert.False(json.Contains("${", StringComparison.Ordinal), $"{name} has an unbound ${{...}}");
            Assert.False(json.Contains("\"$data\"", StringComparison.Ordinal) || json.Contains("\"$when\"", StringComparison.Ordinal), $"{name} has a template keyword left");
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)card["fallbackText"]), $"{name} has no fallbackText");
            Assert.True(Encoding.UTF8.GetByteCount(json) < MaxCardBytes, $"{name} is {Encoding.UTF8.GetByteCount(json)} bytes");
        }
    }

    [Fact]
    public async Task Samples_EveryCard_PassesTheAdaptiveCardsLibrary()
    {
        await AssertSamplesValidAsync([]);
    }

    [Fact]
    public async Task Samples_EveryCard_PassesTheOfficialSchema()
    {
        await AssertSamplesValidAsync(["--schema", RepositoryPaths.AdaptiveCardSchema]);
    }

    [Fact]
    public async Task Validator_BrokenCard_IsReportedByTheAdaptiveCardsLibrary()
    {
        (int exitCode, string output) = await ValidateBrokenCardAsync("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"}]}""", []);

        Assert.Equal(1, exitCode);
        Assert.Contains(Errors(output), e => e.StartsWith("adaptivecards: Unknown element type \"TextBlok\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validator_PropertyTheLibraryIgnores_IsReportedByTheSchema()
    {
        (int exitCode, string output) = await ValidateBrokenCardAsync(
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""",
            ["--schema", RepositoryPaths.AdaptiveCardSchema]);

        Assert.Equal(1, exitCode);
        Assert.Contains("schema: /body/0 must NOT have additional properties", Errors(output));
        Assert.DoesNotContain(Errors(output), e => e.StartsWith("adaptivecards:", StringComparison.Ordinal));
    }

    private static async Task AssertSamplesValidAsync(string[] options)
    {
        AssertNodeModule("adaptivecards");
        string folder = Directory.CreateTempSubdirectory("regiebot-cards-").FullName;
        try
        {
            List<string> files = [];
            foreach ((string name, JsonObject card) in CardSamples.All())
            {
                string file = Path.Combine(folder, name + ".json");
                await File.WriteAllTextAsync(file, card.ToJsonString(), TestContext.Current.CancellationToken);
                files.Add(file);
            }

            (int exitCode, string output) = await RunNodeAsync([ValidateCardsScript, .. options, .. files]);

            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(files.Count, lines.Length);
            foreach (string line in lines)
            {
                JsonNode result = JsonNode.Parse(line)!;
                Assert.True(result["errors"]!.AsArray().Count == 0, line);
            }

            Assert.Equal(0, exitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> ValidateBrokenCardAsync(string card, string[] options)
    {
        AssertNodeModule("adaptivecards");
        string folder = Directory.CreateTempSubdirectory("regiebot-cards-").FullName;
        try
        {
            string file = Path.Combine(folder, "broken.json");
            await File.WriteAllTextAsync(file, card, TestContext.Current.CancellationToken);
            return await RunNodeAsync([ValidateCardsScript, .. options, file]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Errors(string output) => [.. JsonNode.Parse(output)!["errors"]!.AsArray().Select(e => (string)e!)];

    private static string ValidateCardsScript => Path.Combine(RepositoryPaths.Root, "scripts", "validate-cards.cjs");

    private static void AssertNodeModule(string name) =>
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", name)), $"node_modules/{name} is missing: run 'npm ci' (scripts/test.sh does).");

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(IEnumerable<string> arguments)
    {
        ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string error = await stderr;
        Assert.True(process.ExitCode is 0 or 1, $"validate-cards failed to run: {error}");
        return (process.ExitCode, await stdout);
    }
}
