using System.Text;

namespace RegieBot.Testing;

/// <summary>
/// Files of the project's shared folder beside the repository (<c>../shared</c>): the Dutch seed documents and the
/// official schemas, which are not ours to copy into the repository. A clone on its own has no such folder, so a test
/// that needs one of its files is then skipped, with the reason. CI (<c>.ci/run</c>) sets <see cref="RequiredVariable"/>,
/// which turns a missing file into a failure: there nothing is skipped.
/// </summary>
public static class SharedDocuments
{
    public const string RequiredVariable = "REGIEBOT_REQUIRE_SHARED";

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));

    public static bool IsRequired => IsSet(Environment.GetEnvironmentVariable(RequiredVariable));

    /// <summary>The full path of a file under the shared folder; skips the test when it is missing (fails it in CI).</summary>
    public static string Require(string relativePath)
    {
        SharedFile found = Locate(Folder, relativePath, IsRequired);
        if (found.Failure is not null)
        {
            Assert.Fail(found.Failure);
        }

        Assert.SkipWhen(found.SkipReason is not null, found.SkipReason ?? string.Empty);
        return found.Path;
    }

    public static string[] ReadLines(string relativePath) => File.ReadAllLines(Require(relativePath), Encoding.UTF8);

    public static SharedFile Locate(string folder, string relativePath, bool required)
    {
        string file = Path.GetFullPath(Path.Combine(folder, relativePath));
        if (File.Exists(file))
        {
            return new(file, null, null);
        }

        string reason = $"needs shared/{relativePath.Replace('\\', '/')} beside the repository, and this clone has none";
        return required ? new(file, null, $"{reason}; {RequiredVariable} is set, so it must be there") : new(file, reason, null);
    }

    public static bool IsSet(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Where a shared file is, and why a test that needs it skips or fails when it is not there.</summary>
public sealed record SharedFile(string Path, string? SkipReason, string? Failure);
