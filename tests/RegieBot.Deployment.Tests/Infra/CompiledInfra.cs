using System.Text.Json.Nodes;

namespace RegieBot.Deployment.Tests.Infra;

/// <summary>infra/main.bicep compiled once per test class (the CLI takes a few seconds).</summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    public int ExitCode { get; private set; }

    public string Diagnostics { get; private set; } = "";

    public JsonObject Template { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        (int exitCode, string output, string diagnostics) = await BicepCli.RunAsync("build", Path.Combine("infra", "main.bicep"), "--stdout");
        ExitCode = exitCode;
        Diagnostics = diagnostics;
        Template = exitCode == 0 ? JsonNode.Parse(output)!.AsObject() : [];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public JsonObject Resource(string symbolicName) => Template["resources"]![symbolicName]!.AsObject();

    public JsonObject Parameter(string name) => Template["parameters"]![name]!.AsObject();
}
