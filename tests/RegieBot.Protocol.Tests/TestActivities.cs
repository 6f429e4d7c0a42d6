using System.Text.Json;
using RegieBot.Protocol;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests;

internal static class TestActivities
{
    public static string ReadJson(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static Activity Read(string name) =>
        JsonSerializer.Deserialize(ReadJson(name), ProtocolJsonContext.Default.Activity)!;
}
