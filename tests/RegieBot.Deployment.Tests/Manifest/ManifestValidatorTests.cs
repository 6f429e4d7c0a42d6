using System.Text.Json.Nodes;
using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>What the toolchain's validator (scripts/validate-manifest.cjs) reports, and which schema it uses.</summary>
public sealed class ManifestValidatorTests
{
    private static JsonObject Filled() => AppPackageBuilder.Fill(AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest), TestSettings.Default);

    [Fact]
    public async Task Validate_WrongManifestVersion_IsReportedThroughConst()
    {
        JsonObject manifest = Filled();
        manifest["manifestVersion"] = "1.28";

        IReadOnlyList<string> errors = await ManifestValidator.ValidateAsync(manifest.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/manifestVersion must be equal to constant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_SchemaThePackageDoesNotBundle_IsAnErrorNotADownload()
    {
        JsonObject manifest = Filled();
        manifest["$schema"] = "https://example.org/teams/MicrosoftTeams.schema.json";

        IReadOnlyList<string> errors = await ManifestValidator.ValidateAsync(manifest.ToJsonString());

        Assert.Equal(["/$schema \"https://example.org/teams/MicrosoftTeams.schema.json\" is not a Teams manifest schema that @microsoft/app-manifest bundles"], errors);
    }

    [Fact]
    public async Task Validate_AgainstTheSharedSpecsSchema_PassesAndStillChecksConst()
    {
        JsonObject manifest = Filled();
        IReadOnlyList<string> valid = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), RepositoryPaths.SharedTeamsSchema);
        manifest["manifestVersion"] = "1.28";

        IReadOnlyList<string> invalid = await ManifestValidator.ValidateAsync(manifest.ToJsonString(), RepositoryPaths.SharedTeamsSchema);

        Assert.Empty(valid);
        Assert.Contains(invalid, e => e.StartsWith("/manifestVersion must be equal to constant", StringComparison.Ordinal));
    }

    [Fact]
    public void BundledSchema_IsTheSchemaOfTheSharedSpecs()
    {
        JsonNode? shared = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedTeamsSchema));
        JsonNode? bundled = JsonNode.Parse(File.ReadAllText(RepositoryPaths.BundledTeamsSchema));

        Assert.True(JsonNode.DeepEquals(shared, bundled), "@microsoft/app-manifest bundles another v1.29 schema than the shared specs hold.");
    }
}
