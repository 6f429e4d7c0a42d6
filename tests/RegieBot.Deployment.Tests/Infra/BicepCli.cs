using System.Diagnostics;
using System.Reflection;

namespace RegieBot.Deployment.Tests.Infra;

/// <summary>The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, restored with this project.</summary>
internal static class BicepCli
{
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepCli").Value!;

    public static async Task<(int ExitCode, string Output, string Diagnostics)> RunAsync(params string[] arguments)
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Skip("The pinned Bicep CLI package is the linux-x64 build.");
        }

        Assert.True(File.Exists(Path), $"The Bicep CLI is missing at {Path}: restore tests/RegieBot.Deployment.Tests.");
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(Path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Path, File.GetUnixFileMode(Path) | UnixFileMode.UserExecute);
        }

        ProcessStartInfo start = new(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no attempt to reach anything: the machines that run CI have no internet.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
