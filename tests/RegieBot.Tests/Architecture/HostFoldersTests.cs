using System.Text.RegularExpressions;
using RegieBot.Testing;

namespace RegieBot.Tests.Architecture;

/// <summary>
/// The host's folders depend one way: the features (<c>Dialog</c>, <c>Kaarten</c>, …) on what they share
/// (<c>Outbox</c>, <c>Common</c>) and on the bot's core (<c>Bot</c>), never on each other and never the other way round.
/// Only the composition root (the files beside <c>Program.cs</c>) knows every folder.
/// </summary>
public sealed partial class HostFoldersTests
{
    private static readonly string[] Infrastructure = ["Operations", "Security"];
    private static readonly string[] Features = ["Closing", "Dialog", "Evaluation", "Kaarten", "Meetings", "Membership", "Privacy", "Tab"];

    /// <summary>Each folder with the folders it may use.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Operations"] = [],
        ["Security"] = [],
        ["Bot"] = Infrastructure,
        ["Common"] = [.. Infrastructure, "Bot"],
        ["Outbox"] = [.. Infrastructure, "Bot", "Common"],
        ["Closing"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Dialog"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Evaluation"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Kaarten"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Meetings"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Membership"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Privacy"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
        ["Tab"] = [.. Infrastructure, "Bot", "Common", "Outbox"],
    };

    private static string HostRoot => Path.Combine(RepositoryPaths.Root, "src", "RegieBot");

    [Fact]
    public void EveryFolder_HasItsPlace()
    {
        string[] folders = [.. Directory.GetDirectories(HostRoot)
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any(f => !IsBuildOutput(f)))
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj"))
            .Cast<string>()];

        Assert.Empty(folders.Except(Allowed.Keys));
        Assert.Empty(Features.Except(folders));
    }

    [Fact]
    public void NoFolder_UsesOneItMayNot()
    {
        List<string> violations = [];
        foreach ((string folder, string[] allowed) in Allowed)
        {
            string path = Path.Combine(HostRoot, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
            {
                string[] used = FoldersUsedBy(File.ReadAllText(file));
                violations.AddRange(used.Where(u => u != folder && !allowed.Contains(u)).Select(u => $"{Path.GetRelativePath(HostRoot, file)} uses {u}"));
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void TheCheck_SeesUsingsAndQualifiedNames()
    {
        const string source = """
            using RegieBot.Dialog;
            using static RegieBot.Privacy.PrivacyTexts;
            namespace RegieBot.Kaarten;
            internal sealed class X(Closing.KaartClosing closing, RegieBot.Evaluation.ReminderSender sender, Domain.Dialogs.DialogState state);
            """;

        Assert.Equal(["Closing", "Dialog", "Evaluation", "Privacy"], FoldersUsedBy(source));
    }

    /// <summary>The host folders a source file names (not its own namespace): by a using directive, or by a qualified name.</summary>
    private static string[] FoldersUsedBy(string source) =>
        [.. FolderReference().Matches(NamespaceDeclaration().Replace(source, string.Empty))
            .Select(m => m.Groups["folder"].Value)
            .Where(Allowed.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    // "RegieBot.X" anywhere (usings, fully qualified names), or "X." relative to the RegieBot namespace, but not as
    // the tail of another name ("Domain.Dialogs.", "turn.Activity").
    [GeneratedRegex(@"^namespace [\w.]+;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\bRegieBot\.(?<folder>[A-Z]\w*)\b|(?<![\w.])(?<folder>[A-Z]\w*)\.[A-Z]")]
    private static partial Regex FolderReference();
}
