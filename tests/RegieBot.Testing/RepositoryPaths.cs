namespace RegieBot.Testing;

/// <summary>
/// Where the repository is, found from the test's output folder (the folder that holds RegieBot.sln), and the
/// folders and schemas the tests read. Files of the shared folder beside it go through <see cref="SharedDocuments"/>.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Cards => Path.Combine(Root, "cards");

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The official Adaptive Card 1.5 schema in the shared specs; a test that reads it skips without them.</summary>
    public static string AdaptiveCardSchema => SharedDocuments.Require("specs/schemas/adaptive-card.json");

    /// <summary>The Teams manifest schema of the shared specs (PRODUCT.md names it); a test that reads it skips without them.</summary>
    public static string SharedTeamsSchema => SharedDocuments.Require("specs/schemas/MicrosoftTeams.schema.json");

    /// <summary>The official v1.29 schema as the Teams toolchain's own package bundles it (npm @microsoft/app-manifest).</summary>
    public static string BundledTeamsSchema =>
        Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.29", "MicrosoftTeams.schema.json");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegieBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RegieBot.sln above the test output folder {AppContext.BaseDirectory}.");
    }
}
