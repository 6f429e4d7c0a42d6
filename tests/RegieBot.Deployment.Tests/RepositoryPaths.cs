namespace RegieBot.Deployment.Tests;

/// <summary>Finds the repository (and the shared specs beside it) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Infra => Path.Combine(Root, "infra");

    public static string TeamsSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "schemas", "MicrosoftTeams.schema.json"));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegieBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RegieBot.sln not found above the test output folder.");
    }
}
