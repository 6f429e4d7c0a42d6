using System.Collections;
using System.IO.Compression;
using System.Text.Json.Nodes;
using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>The zip a Teams administrator uploads, built from manifest/ as scripts/package-app.sh does.</summary>
public sealed class AppPackageTests
{
    private static ZipArchive Package(PackageSettings? settings = null) =>
        new(new MemoryStream(AppPackageBuilder.BuildZip(RepositoryPaths.Manifest, settings ?? TestSettings.Default)), ZipArchiveMode.Read);

    private static byte[] Entry(ZipArchive zip, string name)
    {
        using MemoryStream buffer = new();
        using Stream stream = zip.GetEntry(name)!.Open();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ManifestText(ZipArchive zip) => System.Text.Encoding.UTF8.GetString(Entry(zip, AppPackageBuilder.ManifestFile));

    [Fact]
    public void BuildZip_Settings_HasManifestAndTheTwoIconsAtTheRoot()
    {
        using ZipArchive zip = Package();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        JsonNode manifest = JsonNode.Parse(ManifestText(zip))!;
        Assert.NotNull(zip.GetEntry((string)manifest["icons"]!["color"]!));
        Assert.NotNull(zip.GetEntry((string)manifest["icons"]!["outline"]!));
    }

    [Fact]
    public async Task BuildZip_Manifest_ValidatesAgainstTheOfficialTeamsSchema()
    {
        using ZipArchive zip = Package();

        IReadOnlyList<string> errors = await ManifestValidator.ValidateAsync(ManifestText(zip));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Validator_BrokenManifest_IsReported()
    {
        using ZipArchive zip = Package();
        JsonObject manifest = JsonNode.Parse(ManifestText(zip))!.AsObject();
        manifest["manifestVersion"] = "1.28";
        manifest["accentColor"] = "blauw";
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest.Remove("developer");

        IReadOnlyList<string> errors = await ManifestValidator.ValidateAsync(manifest.ToJsonString());

        Assert.Contains(errors, e => e.Contains("manifestVersion", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("accentColor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("botId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("developer", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildZip_Manifest_CarriesTheConfiguredIdsAndNoPlaceholder()
    {
        using ZipArchive zip = Package();
        string text = ManifestText(zip);
        JsonNode manifest = JsonNode.Parse(text)!;

        Assert.Equal(TestSettings.TeamsAppId, (string?)manifest["id"]);
        Assert.Equal(TestSettings.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        Assert.Contains("cliënt", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildZip_Icons_AreTheCommittedOnesWithTheirSizes()
    {
        using ZipArchive zip = Package();

        PngImage color = PngImage.Decode(Entry(zip, "color.png"));
        PngImage outline = PngImage.Decode(Entry(zip, "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "outline.png")), Entry(zip, "outline.png"));
    }

    [Fact]
    public void BuildZip_SameSettings_SameBytes()
    {
        byte[] first = AppPackageBuilder.BuildZip(RepositoryPaths.Manifest, TestSettings.Default);
        byte[] second = AppPackageBuilder.BuildZip(RepositoryPaths.Manifest, TestSettings.Default);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fill_Version_ReplacesTheManifestVersion()
    {
        JsonObject manifest = AppPackageBuilder.Fill(AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest), TestSettings.Default with { Version = "1.2.3" });

        Assert.Equal("1.2.3", (string?)manifest["version"]);
    }

    [Fact]
    public void Fill_VersionNotSemVer_Throws()
    {
        PackageException ex = Assert.Throws<PackageException>(() =>
            AppPackageBuilder.Fill(AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest), TestSettings.Default with { Version = "v2" }));

        Assert.Contains("APP_VERSION", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_UnknownPlaceholder_ThrowsNamingIt()
    {
        JsonObject template = AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest);
        template["developer"]!["websiteUrl"] = "https://${{WEBSITE_HOST}}/";

        PackageException ex = Assert.Throws<PackageException>(() => AppPackageBuilder.Fill(template, TestSettings.Default));

        Assert.Contains("WEBSITE_HOST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Environment_ReadsTheIdsAndFallsBackToMicrosoftAppId()
    {
        Hashtable environment = new()
        {
            ["TEAMS_APP_ID"] = TestSettings.TeamsAppId.ToUpperInvariant(),
            ["MicrosoftAppId"] = TestSettings.BotId,
            ["BOT_ENDPOINT"] = "https://abc123-3978.euw.devtunnels.ms",
        };

        PackageSettings settings = PackageSettings.From(new Dictionary<string, string?>(), environment);

        Assert.Equal(TestSettings.TeamsAppId, settings.TeamsAppId);
        Assert.Equal(TestSettings.BotId, settings.BotId);
        Assert.Equal("abc123-3978.euw.devtunnels.ms", settings.BotDomain);
        Assert.Null(settings.Version);
    }

    [Fact]
    public void From_ArgumentsOverEnvironment_UsesTheArguments()
    {
        Hashtable environment = new() { ["TEAMS_APP_ID"] = Guid.Empty.ToString(), ["BOT_ID"] = Guid.Empty.ToString(), ["BOT_DOMAIN"] = "elders.example.net" };

        PackageSettings settings = PackageSettings.From(
            new Dictionary<string, string?> { ["--teams-app-id"] = TestSettings.TeamsAppId, ["--bot-id"] = TestSettings.BotId, ["--bot-domain"] = TestSettings.BotDomain, ["--version"] = "2.0.0" },
            environment);

        Assert.Equal((TestSettings.TeamsAppId, TestSettings.BotId, TestSettings.BotDomain, "2.0.0"), (settings.TeamsAppId, settings.BotId, settings.BotDomain, settings.Version));
    }

    [Theory]
    [InlineData(null, TestSettings.BotId, "TEAMS_APP_ID")]
    [InlineData(TestSettings.TeamsAppId, null, "BOT_ID")]
    [InlineData("regiebot", TestSettings.BotId, "TEAMS_APP_ID must be a GUID")]
    public void From_MissingOrInvalidId_ThrowsNamingTheVariable(string? teamsAppId, string? botId, string expected)
    {
        Hashtable environment = new() { ["TEAMS_APP_ID"] = teamsAppId, ["BOT_ID"] = botId };

        PackageException ex = Assert.Throws<PackageException>(() => PackageSettings.From(new Dictionary<string, string?>(), environment));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "BOT_DOMAIN")]
    [InlineData("https://regiebot.example.net/tab", "must be a host name")]
    [InlineData("regie bot", "must be a host name")]
    public void From_MissingOrInvalidDomain_ThrowsNamingTheVariable(string? domain, string expected)
    {
        Hashtable environment = new() { ["TEAMS_APP_ID"] = TestSettings.TeamsAppId, ["BOT_ID"] = TestSettings.BotId, ["BOT_DOMAIN"] = domain };

        PackageException ex = Assert.Throws<PackageException>(() => PackageSettings.From(new Dictionary<string, string?>(), environment));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
