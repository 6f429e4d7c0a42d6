namespace RegieBot.Tab;

/// <summary>
/// The mock professionals of the Agents Playground (<c>.m365agentsplayground.yml</c> at the repository root), for the
/// tab's local sign-in in Development. Read line by line: the file is ours and flat (<c>name</c> and
/// <c>aadObjectId</c> per person under <c>currentUser</c> and <c>users</c>).
/// </summary>
internal sealed class PlaygroundUsers(IHostEnvironment environment)
{
    public const string FileName = ".m365agentsplayground.yml";

    private readonly Lazy<IReadOnlyList<LocalUser>> _users = new(() => Load(environment.ContentRootPath));

    public IReadOnlyList<LocalUser> All => _users.Value;

    public LocalUser? Find(string? aadObjectId) =>
        All.FirstOrDefault(u => string.Equals(u.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<LocalUser> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        List<LocalUser> users = [];
        string? section = null;
        string? name = null;
        foreach (string raw in lines)
        {
            string line = StripComment(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                section = line.TrimEnd(':');
                name = null;
                continue;
            }

            if (section is not ("currentUser" or "users"))
            {
                continue;
            }

            string entry = line.Trim().TrimStart('-').Trim();
            if (line.TrimStart().StartsWith('-'))
            {
                name = null;
            }

            if (Value(entry, "name") is { } n)
            {
                name = n;
            }
            else if (Value(entry, "aadObjectId") is { } id && name is not null)
            {
                users.Add(new LocalUser(id, name));
                name = null;
            }
        }

        return users;
    }

    private static IReadOnlyList<LocalUser> Load(string contentRoot)
    {
        for (DirectoryInfo? directory = new(contentRoot); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, FileName);
            if (File.Exists(path))
            {
                return Parse(File.ReadLines(path));
            }
        }

        return [];
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf(" #", StringComparison.Ordinal);
        string withoutComment = line.TrimStart().StartsWith('#') ? string.Empty : hash < 0 ? line : line[..hash];
        return withoutComment.TrimEnd();
    }

    private static string? Value(string entry, string key) =>
        entry.StartsWith(key + ":", StringComparison.Ordinal) ? entry[(key.Length + 1)..].Trim().Trim('"') : null;
}
