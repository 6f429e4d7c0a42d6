using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>
/// Writes a value as JSON into one or more string columns (<c>Name0</c>, <c>Name1</c>, …): a table string
/// property holds at most 32K characters, a large casus may need more.
/// </summary>
internal static class JsonColumns
{
    private const int ChunkChars = 30_000;

    public static void Write<T>(TableEntity entity, string name, T value, JsonTypeInfo<T> typeInfo)
    {
        string json = JsonSerializer.Serialize(value, typeInfo);
        int chunks = Math.Max(1, (json.Length + ChunkChars - 1) / ChunkChars);
        for (int i = 0; i < chunks; i++)
        {
            entity[name + i] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        entity[name + "Chunks"] = chunks;
    }

    public static T Read<T>(TableEntity entity, string name, JsonTypeInfo<T> typeInfo)
    {
        int chunks = entity.GetInt32(name + "Chunks") ?? 1;
        string json = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)));
        return JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"Column {name} holds no value.");
    }
}
