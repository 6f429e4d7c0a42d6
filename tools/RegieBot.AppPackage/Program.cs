using RegieBot.AppPackage;

// RegieBot's Teams app package tool.
//   package  [--out FILE] [--manifest-dir DIR] [--teams-app-id GUID] [--bot-id GUID] [--bot-domain HOST] [--version X.Y.Z]
//            builds the zip to upload (ids from TEAMS_APP_ID and BOT_ID or MicrosoftAppId when not passed; the
//            domain of the bot and its personal tab from BOT_DOMAIN, or the host of BOT_ENDPOINT),
//            and writes the filled manifest.json beside it
//   icons    [--manifest-dir DIR]   draws color.png and outline.png
//   commands [--manifest-dir DIR]   rewrites the command lists in manifest.json from BotCommands
try
{
    if (args.Length == 0 || args[0] is "-h" or "--help")
    {
        Console.WriteLine("usage: package [--out FILE] [--manifest-dir DIR] [--teams-app-id GUID] [--bot-id GUID] [--bot-domain HOST] [--version X.Y.Z] | icons [--manifest-dir DIR] | commands [--manifest-dir DIR]");
        return args.Length == 0 ? 2 : 0;
    }

    Dictionary<string, string?> options = ParseOptions(args.Skip(1).ToArray());
    string manifestDirectory = Path.GetFullPath(options.GetValueOrDefault("--manifest-dir") ?? Path.Combine(FindRepositoryRoot(), "manifest"));
    switch (args[0])
    {
        case "package":
            PackageSettings settings = PackageSettings.From(options, Environment.GetEnvironmentVariables());
            string output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? Path.Combine(FindRepositoryRoot(), "artifacts", "appPackage", "regiebot.zip"));
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.WriteAllBytes(output, AppPackageBuilder.BuildZip(manifestDirectory, settings));
            string filled = Path.Combine(Path.GetDirectoryName(output)!, AppPackageBuilder.ManifestFile);   // to read or validate
            File.WriteAllText(filled, AppPackageBuilder.Serialize(AppPackageBuilder.Fill(AppPackageBuilder.ReadTemplate(manifestDirectory), settings)) + "\n");
            Console.WriteLine($"Teams app package written: {output} (app {settings.TeamsAppId}, bot {settings.BotId}, tab on {settings.BotDomain}); its manifest: {filled}");
            return 0;
        case "icons":
            AppPackageBuilder.WriteIcons(manifestDirectory);
            Console.WriteLine($"Icons written to {manifestDirectory}");
            return 0;
        case "commands":
            AppPackageBuilder.WriteCommandLists(manifestDirectory);
            Console.WriteLine($"Command lists written to {Path.Combine(manifestDirectory, AppPackageBuilder.ManifestFile)}");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}': use package, icons or commands.");
            return 2;
    }
}
catch (PackageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

static Dictionary<string, string?> ParseOptions(string[] arguments)
{
    Dictionary<string, string?> options = new(StringComparer.Ordinal);
    for (int i = 0; i < arguments.Length; i++)
    {
        if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Length)
        {
            throw new PackageException($"Expected '--option value', got '{arguments[i]}'.");
        }

        options[arguments[i]] = arguments[++i];
    }

    return options;
}

static string FindRepositoryRoot()
{
    for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RegieBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new PackageException("RegieBot.sln not found above the current folder: pass --manifest-dir and --out.");
}
