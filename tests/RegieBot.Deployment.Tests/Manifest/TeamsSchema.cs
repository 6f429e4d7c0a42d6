using NJsonSchema;
using NJsonSchema.Validation;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>
/// The official Teams manifest schema (v1.29, from the shared specs). It declares draft-04 but pins
/// <c>manifestVersion</c> with <c>const</c>, a later keyword: <see cref="Validate"/> checks that one explicitly.
/// </summary>
internal static class TeamsSchema
{
    public const string ManifestVersion = "1.29";

    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepositoryPaths.TeamsSchema));

    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestJson)
    {
        Assert.True(File.Exists(RepositoryPaths.TeamsSchema), $"The Teams manifest schema is missing: {RepositoryPaths.TeamsSchema}");
        JsonSchema schema = await Schema.Value;
        List<string> errors = [.. schema.Validate(manifestJson).SelectMany(Flatten)];
        string? version = (string?)System.Text.Json.Nodes.JsonNode.Parse(manifestJson)?["manifestVersion"];
        if (version != ManifestVersion)
        {
            errors.Add($"#/manifestVersion: must be \"{ManifestVersion}\", is \"{version}\"");
        }

        return errors;
    }

    private static IEnumerable<string> Flatten(ValidationError error) => error is ChildSchemaValidationError child
        ? child.Errors.SelectMany(e => e.Value).SelectMany(Flatten).Prepend($"{error.Path}: {error.Kind}")
        : [$"{error.Path}: {error.Kind}"];
}
