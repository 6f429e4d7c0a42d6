using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>
/// scripts/validate-manifest.cjs: the Teams toolchain's own validator (npm @microsoft/app-manifest) against the
/// official schema it bundles for the manifest's <c>$schema</c>, offline; or against a given schema file.
/// </summary>
internal static class ManifestValidator
{
    public const string ManifestVersion = "1.29";

    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestJson, string? schemaFile = null)
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "@microsoft", "app-manifest")),
            "node_modules/@microsoft/app-manifest is missing: run 'npm ci' (scripts/test.sh does).");
        string folder = Directory.CreateTempSubdirectory("regiebot-manifest-").FullName;
        try
        {
            string file = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(file, manifestJson, TestContext.Current.CancellationToken);
            ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "validate-manifest.cjs"));
            if (schemaFile is not null)
            {
                start.ArgumentList.Add("--schema");
                start.ArgumentList.Add(schemaFile);
            }

            start.ArgumentList.Add(file);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            string error = await stderr;
            Assert.True(process.ExitCode is 0 or 1, $"validate-manifest failed to run: {error}");
            string[] errors = [.. JsonNode.Parse(await stdout)!["errors"]!.AsArray().Select(e => (string)e!)];
            Assert.Equal(process.ExitCode == 1, errors.Length > 0);
            return errors;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
