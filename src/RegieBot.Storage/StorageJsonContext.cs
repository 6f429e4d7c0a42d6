using System.Text.Json.Serialization;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>How kaart content is written into a table column: compact JSON, enums by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(KaartContent))]
[JsonSerializable(typeof(ChannelSummary))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
