using System.Diagnostics;

namespace RegieBot.Deployment.Tests.Repository;

/// <summary>
/// Commit messages a reader can scan (issue 18): a subject of at most 72 characters, a blank line, then the why. History
/// before <see cref="Baseline"/> landed with longer subjects and is published, so it is not rewritten; everything after it
/// is held to the rule.
/// </summary>
public sealed class CommitMessageTests
{
    /// <summary>The last commit on main before the rule was checked.</summary>
    private const string Baseline = "a4a2e86";

    private const int MaxSubject = 72;

    /// <summary>Commits after the baseline that landed (merged) without a body before this test ran on them; published, so kept.</summary>
    private static readonly string[] LandedWithoutBody = ["94ee87c"];

    [Fact]
    public void CommitsAfterTheBaseline_HaveAShortSubjectAndABody()
    {
        string? range = Git($"rev-parse --verify --quiet {Baseline}^{{commit}}") is { Length: > 0 } ? $"{Baseline}..HEAD" : null;
        if (range is null)
        {
            Assert.Skip($"No git history with commit {Baseline} here (a shallow clone or an export), so commit messages cannot be read.");
        }

        string log = Git($"log --no-merges --abbrev=7 --format=%h%x1f%B%x1e {range}") ?? string.Empty;
        List<string> problems = [];
        foreach (string record in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = record.Split('\x1f', 2);
            string[] lines = parts[1].Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
            if (lines[0].Length > MaxSubject)
            {
                problems.Add($"{parts[0]}: subject of {lines[0].Length} characters");
            }

            if ((lines.Length < 3 || lines[1].Length > 0 || lines.Skip(2).All(string.IsNullOrWhiteSpace)) && !LandedWithoutBody.Any(h => parts[0].StartsWith(h, StringComparison.Ordinal)))
            {
                problems.Add($"{parts[0]}: no body after a blank line");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>Runs git in the repository; null when git is missing or the folder is no repository.</summary>
    private static string? Git(string arguments)
    {
        ProcessStartInfo start = new("git", arguments)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process git = Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
