using System.Text.RegularExpressions;

namespace RegieBot.Deployment.Tests.Repository;

/// <summary>
/// Every relative link in the README and in docs/ leads to a file or folder that exists: sections move from the README
/// into docs/ pages, and a reader who follows a link must not land on nothing.
/// </summary>
public sealed partial class DocLinkTests
{
    [Fact]
    public void RelativeLinks_InReadmeAndDocs_Resolve()
    {
        string root = RepositoryRoot();
        IEnumerable<string> pages = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        List<string> broken = [];
        foreach (string page in pages)
        {
            string folder = Path.GetDirectoryName(page)!;
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                string target = Uri.UnescapeDataString(link.Groups["target"].Value);
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                string path = Path.GetFullPath(Path.Combine(folder, target));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {target}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Links that lead nowhere:\n" + string.Join("\n", broken));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegieBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RegieBot.sln not found above the test's folder.");
    }

    /// <summary>A Markdown link or image: [text](target "title") or ![alt](target), the target without its #anchor.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)#\s]*)(#[^)\s]*)?(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}
