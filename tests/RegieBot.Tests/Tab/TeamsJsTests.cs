using System.Text.Json.Nodes;

namespace RegieBot.Tests.Tab;

/// <summary>
/// The tab serves teams-js itself (no third-party script host): the copy in wwwroot is exactly the npm package's
/// UMD bundle of the version package.json pins. To update: change the pin, run npm install, copy
/// node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js to src/RegieBot/wwwroot/tab/lib/.
/// </summary>
public sealed class TeamsJsTests
{
    public const string Version = "2.58.0";

    [Fact]
    public void PackageJson_PinsTeamsJs()
    {
        JsonNode package = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")))!;

        Assert.Equal(Version, (string?)package["devDependencies"]?["@microsoft/teams-js"]);
    }

    [Fact]
    public void ServedCopy_IsThePinnedPackagesBundle()
    {
        string installed = Path.Combine(RepositoryPaths.Root, "node_modules", "@microsoft", "teams-js");
        Assert.SkipWhen(!Directory.Exists(installed) && !SharedDocuments.IsRequired, "needs node_modules (npm ci; scripts/test.sh runs it)");

        string version = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(installed, "package.json")))!["version"]!;
        byte[] bundle = File.ReadAllBytes(Path.Combine(installed, "dist", "umd", "MicrosoftTeams.min.js"));
        byte[] served = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "RegieBot", "wwwroot", "tab", "lib", "MicrosoftTeams.min.js"));

        Assert.Equal(Version, version);
        Assert.True(bundle.AsSpan().SequenceEqual(served), "src/RegieBot/wwwroot/tab/lib/MicrosoftTeams.min.js differs from the npm package's bundle");
    }
}
