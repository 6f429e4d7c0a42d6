using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Manifest;

internal static class TestSettings
{
    public const string TeamsAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string BotId = "0c8a2a1e-7d3b-4f5e-9a61-2b4c6d8e0f12";

    public const string BotDomain = "regiebot.example.net";

    public static PackageSettings Default { get; } = new() { TeamsAppId = TeamsAppId, BotId = BotId, BotDomain = BotDomain };
}
