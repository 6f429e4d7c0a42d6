using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RegieBot.Deployment.Tests.Toolchain;

/// <summary>scripts/validate-toolchain-yaml.cjs: the Agents Toolkit's own schema for m365agents*.yml, offline.</summary>
internal static class ToolchainYaml
{
    /// <summary>Where scripts/test.sh (ensure_toolchain_schemas in scripts/lib/common.sh) puts the toolkit's schemas.</summary>
    public static string Schemas => Path.Combine(RepositoryPaths.Root, "node_modules", ".regiebot-toolchain", "teamsfx-core-3.1.3", "yaml-schema");

    public static async Task<IReadOnlyList<string>> ValidateAsync(string file)
    {
        Assert.True(File.Exists(Path.Combine(Schemas, "v1.9", "yaml.schema.json")),
            "The Agents Toolkit's YAML schemas are missing: run scripts/test.sh, which fetches them (ensure_toolchain_schemas).");
        ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "validate-toolchain-yaml.cjs"));
        start.ArgumentList.Add(Schemas);
        start.ArgumentList.Add(file);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string error = await stderr;
        Assert.True(process.ExitCode is 0 or 1, $"validate-toolchain-yaml failed to run: {error}");
        return [.. JsonNode.Parse(await stdout)!["errors"]!.AsArray().Select(e => (string)e!)];
    }
}
