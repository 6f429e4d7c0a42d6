using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>
/// The packaged manifest against the official schema with ajv 8 (draft-07 rules, so the schema's <c>const</c> on
/// manifestVersion counts), through scripts/validate-manifest.cjs — a second, independent validator.
/// </summary>
public sealed class AjvManifestTests
{
    [Fact]
    public async Task Package_Manifest_PassesAjv()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-manifest-").FullName;
        try
        {
            string file = Path.Combine(folder, "manifest.json");
            using (ZipArchive zip = new(new MemoryStream(AppPackageBuilder.BuildZip(RepositoryPaths.Manifest, TestSettings.Default))))
            {
                zip.GetEntry("manifest.json")!.ExtractToFile(file);
            }

            (int exitCode, string output) = await ValidateAsync(file);

            Assert.True(exitCode == 0, output);
            Assert.Empty(JsonNode.Parse(output)!["errors"]!.AsArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Validator_WrongManifestVersion_IsReportedThroughConst()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-manifest-").FullName;
        try
        {
            JsonObject manifest = AppPackageBuilder.Fill(AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest), TestSettings.Default);
            manifest["manifestVersion"] = "1.28";
            string file = Path.Combine(folder, "manifest.json");
            await File.WriteAllTextAsync(file, manifest.ToJsonString(), TestContext.Current.CancellationToken);

            (int exitCode, string output) = await ValidateAsync(file);

            Assert.Equal(1, exitCode);
            Assert.Contains("/manifestVersion must be equal to constant", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestFile)
    {
        Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "ajv")), "node_modules/ajv is missing: run 'npm ci' (scripts/test.sh does).");
        ProcessStartInfo start = new("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "validate-manifest.cjs"));
        start.ArgumentList.Add(RepositoryPaths.TeamsSchema);
        start.ArgumentList.Add(manifestFile);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string error = await stderr;
        Assert.True(process.ExitCode is 0 or 1, $"validate-manifest failed to run: {error}");
        return (process.ExitCode, await stdout);
    }
}
