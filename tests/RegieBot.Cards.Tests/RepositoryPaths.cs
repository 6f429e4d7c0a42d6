using RegieBot.TestSupport;

namespace RegieBot.Cards.Tests;

/// <summary>Finds the repository (and the shared specs beside it) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => SharedDocuments.RepositoryRoot;

    public static string Cards => Path.Combine(Root, "cards");

    /// <summary>The official Adaptive Card 1.5 schema in the shared specs; a test that reads it skips without them.</summary>
    public static string AdaptiveCardSchema => SharedDocuments.Require("specs/schemas/adaptive-card.json");
}
