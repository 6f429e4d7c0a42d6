using RegieBot.TestSupport;

namespace RegieBot.Deployment.Tests;

/// <summary>Finds the repository (and the shared specs beside it) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => SharedDocuments.RepositoryRoot;

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The Teams manifest schema of the shared specs (PRODUCT.md names it); a test that reads it skips without them.</summary>
    public static string SharedTeamsSchema => SharedDocuments.Require("specs/schemas/MicrosoftTeams.schema.json");

    /// <summary>The official v1.29 schema as the Teams toolchain's own package bundles it (npm @microsoft/app-manifest).</summary>
    public static string BundledTeamsSchema =>
        Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.29", "MicrosoftTeams.schema.json");
}
