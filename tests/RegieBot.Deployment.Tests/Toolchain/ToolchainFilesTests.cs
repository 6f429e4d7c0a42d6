using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegieBot.Deployment.Tests.Infra;

namespace RegieBot.Deployment.Tests.Toolchain;

/// <summary>
/// The files a Teams developer expects from the Microsoft 365 Agents Toolkit. They cannot run here (they need an Azure
/// and a Microsoft 365 sign-in), so they are checked as far as that goes offline: the toolkit's schema, the paths they
/// name, and that every ${{VARIABLE}} they use is defined in env/ or written by a step before it.
/// </summary>
public sealed partial class ToolchainFilesTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative));

    [Theory]
    [InlineData("m365agents.yml")]
    [InlineData("m365agents.local.yml")]
    public async Task ProjectFile_PassesTheToolkitsYamlSchema(string file)
    {
        IReadOnlyList<string> errors = await ToolchainYaml.ValidateAsync(Path.Combine(RepositoryPaths.Root, file));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Validator_MisspelledAction_IsReported()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("regiebot-atk-").FullName, "m365agents.yml");
        try
        {
            await File.WriteAllTextAsync(file, Read("m365agents.yml").Replace("uses: teamsApp/validateManifest", "uses: teamsApp/validateManifes", StringComparison.Ordinal), TestContext.Current.CancellationToken);

            IReadOnlyList<string> errors = await ToolchainYaml.ValidateAsync(file);

            Assert.Contains(errors, e => e.StartsWith("/provision/3", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("m365agents.yml")]
    [InlineData("m365agents.local.yml")]
    public void ProjectFile_PathsItNames_Exist(string file)
    {
        string text = Read(file);
        string[] paths = [.. RelativePath().Matches(text).Select(m => m.Groups["path"].Value).Where(p => !p.StartsWith("./artifacts/", StringComparison.Ordinal)).Distinct()];

        Assert.Contains("./manifest/manifest.json", paths);
        Assert.Contains("./env", paths);
        Assert.All(paths, p => Assert.True(Path.Exists(Path.Combine(RepositoryPaths.Root, p)), $"{file} names {p}, which does not exist"));
    }

    [Theory]
    [InlineData("m365agents.yml", "env/.env.dev", "infra/main.parameters.json")]
    [InlineData("m365agents.local.yml", "env/.env.local", null)]
    public void Variables_UsedByAnEnvironment_AreDefinedInItsEnvFileOrWrittenByProvision(string file, string envFile, string? parameters)
    {
        string[] used = [.. new[] { Read(file), Read("manifest/manifest.json"), parameters is null ? "" : Read(parameters) }
            .SelectMany(t => Variable().Matches(t).Select(m => m.Groups[1].Value)).Distinct()];
        HashSet<string> defined = [.. Read(envFile).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=')[0])];
        defined.UnionWith(WrittenVariable().Matches(Read(file)).Select(m => m.Groups[1].Value));
        defined.UnionWith(infra.Template["outputs"]!.AsObject().Select(o => o.Key.ToUpperInvariant()));   // arm/deploy's outputs

        Assert.Contains("SECRET_BOT_PASSWORD", defined);
        Assert.All(used, v => Assert.True(defined.Contains(v), $"{v} is used but neither in {envFile} nor written by a step of {file}"));
    }

    [Fact]
    public void Ids_AreNamedAlikeInTheToolchainBicepParametersAndPackageScript()
    {
        string bicepParams = Read("infra/main.bicepparam");
        string packageScript = Read("scripts/package-app.sh");

        Assert.Contains("readEnvironmentVariable('BOT_ID'", bicepParams, StringComparison.Ordinal);
        Assert.Contains("readEnvironmentVariable('SECRET_BOT_PASSWORD'", bicepParams, StringComparison.Ordinal);
        Assert.Contains("TEAMS_APP_ID=<guid> BOT_ID=", packageScript, StringComparison.Ordinal);
        Assert.Contains("botId: BOT_ID", Read("m365agents.yml"), StringComparison.Ordinal);
        Assert.Contains("botPassword: SECRET_BOT_PASSWORD", Read("m365agents.yml"), StringComparison.Ordinal);
        Assert.Contains("teamsAppId: TEAMS_APP_ID", Read("m365agents.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void ArmParameters_AreParametersOfMainBicep()
    {
        JsonObject parameters = JsonNode.Parse(Read("infra/main.parameters.json"))!["parameters"]!.AsObject();
        JsonObject declared = infra.Template["parameters"]!.AsObject();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}"));
        Assert.Equal("${{SECRET_BOT_PASSWORD}}", (string?)parameters["botAppPassword"]!["value"]);
        Assert.Equal("${{BOT_ID}}", (string?)parameters["botAppId"]!["value"]);
    }

    [Fact]
    public void Playground_MockTeam_IsAtTheRootWhereTheToolkitLooks()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, ".m365agentsplayground.yml")));
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Root, "scripts", "playground", ".m365agentsplayground.yml")));
        Assert.Contains("cd \"$REPO_ROOT\"", Read("scripts/run-local.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchSettings_PlaygroundProfile_IsTheLocalUnauthenticatedBot()
    {
        JsonNode profile = JsonNode.Parse(Read("src/RegieBot/Properties/launchSettings.json"))!["profiles"]!["Agents Playground"]!;

        Assert.Equal("http://127.0.0.1:3978", (string?)profile["applicationUrl"]);
        Assert.Equal("Development", (string?)profile["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("", (string?)profile["environmentVariables"]!["MicrosoftAppId"]);
    }

    [Fact]
    public void EnvFiles_Committed_HoldNoSecrets()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "env")).Where(f => !f.EndsWith(".user", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(SecretAssignment(), File.ReadAllText(file));
        }

        Assert.Contains("env/.env.*.user", Read(".gitignore"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:manifestPath|path|parameters|environmentFolderPath|artifactFolder|outputFolder|outputZipPath|appPackagePath): (?<path>\./[^\s]*)")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"\$\{\{([A-Z][A-Z0-9_]*)\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\s+[a-zA-Z]+: ([A-Z][A-Z0-9_]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex WrittenVariable();

    [GeneratedRegex(@"^SECRET_[A-Z0-9_]*=.+$", RegexOptions.Multiline)]
    private static partial Regex SecretAssignment();
}
