using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegieBot.AppPackage;
using RegieBot.Domain.Commands;

namespace RegieBot.Deployment.Tests.Manifest;

/// <summary>manifest/manifest.json as committed: the template the packaging step fills.</summary>
public sealed partial class ManifestTemplateTests
{
    private static JsonObject Template() => AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest);

    [Fact]
    public void Template_AppAndBotIds_ArePlaceholdersNotHardCoded()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Manifest, AppPackageBuilder.ManifestFile));
        JsonObject manifest = Template();

        Assert.Equal("${{TEAMS_APP_ID}}", (string?)manifest["id"]);
        Assert.Equal("${{BOT_ID}}", (string?)manifest["bots"]![0]!["botId"]);
        Assert.DoesNotMatch(Guid(), text);
    }

    [Fact]
    public void Template_CommandLists_AreTheOnesBuiltFromBotCommands()
    {
        JsonNode? committed = Template()["bots"]![0]!["commandLists"];

        JsonArray expected = ManifestCommands.BuildCommandLists(BotCommands.All);

        Assert.True(JsonNode.DeepEquals(expected, committed),
            "manifest.json's command lists differ from BotCommands: run 'dotnet run --project tools/RegieBot.AppPackage -- commands'.");
    }

    [Fact]
    public void Template_Bot_IsInTeamGroupChatAndPersonalScopesAndNotNotificationOnly()
    {
        JsonObject bot = Template()["bots"]![0]!.AsObject();

        Assert.Equal(["team", "groupChat", "personal"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.False((bool?)bot["isNotificationOnly"] ?? false);
        Assert.Single(Template()["bots"]!.AsArray());
    }

    [Fact]
    public void Template_SupportedChannelTypes_ArePrivateAndSharedBesidesStandard()
    {
        JsonArray? types = Template()["supportedChannelTypes"]?.AsArray();

        Assert.NotNull(types);
        Assert.Equal(["privateChannels", "sharedChannels"], types.Select(t => (string)t!));
    }

    [Fact]
    public void Template_PrivateAndSharedChannels_DeclareTier1ChannelFeatures()
    {
        // Without it Teams does not offer the app in private and shared channels at all.
        Assert.Equal("tier1", (string?)Template()["supportsChannelFeatures"]);
    }

    [Fact]
    public void Template_ResourceSpecificConsent_IsChannelMembersAndChannelMeetingsOnly()
    {
        JsonObject manifest = Template();
        JsonArray? rsc = manifest["authorization"]?["permissions"]?["resourceSpecific"]?.AsArray();

        Assert.NotNull(rsc);
        // ChannelMember.Read.Group: the roster of a private or shared channel (and its member events); no chat
        // permission such as OnlineMeeting.ReadBasic.Chat, which would make administrators enable chat RSC for nothing.
        Assert.Equal(["ChannelMember.Read.Group:Application", "ChannelMeeting.ReadBasic.Group:Application"], rsc.Select(p => $"{p!["name"]}:{p["type"]}"));
        Assert.Equal("${{BOT_ID}}", (string?)manifest["webApplicationInfo"]?["id"]);   // RSC is granted to the bot's own Entra app
        Assert.Empty(manifest["permissions"]!.AsArray());   // no other device or identity permissions
    }

    [Fact]
    public void Template_EveryResourceSpecificPermission_HasItsReasonInDocsTeams()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "teams.md"));
        string[] rows = [.. doc.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))];

        foreach (JsonNode? permission in Template()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray())
        {
            Assert.Contains(rows, r => r.StartsWith($"| `{permission!["name"]}` |", StringComparison.Ordinal));
        }

        Assert.Equal(Template()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray().Count, rows.Length);   // no permission documented that is not asked
    }

    [Fact]
    public void Template_NameAndDescriptions_AreDutchAndTheVersionIsCurrent()
    {
        JsonObject manifest = Template();

        Assert.Equal(ManifestValidator.ManifestVersion, (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("nl-nl", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        Assert.Equal("RegieBot", (string?)manifest["name"]!["short"]);
        Assert.Contains("regiekaart", (string?)manifest["description"]!["short"], StringComparison.Ordinal);
        Assert.Contains("nooit een BSN", (string?)manifest["description"]!["full"], StringComparison.Ordinal);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)manifest["accentColor"]);
    }

    [Fact]
    public void Template_PersonalTab_IsServedByTheBotsHostWithSingleSignOn()
    {
        JsonObject manifest = Template();
        JsonArray tabs = manifest["staticTabs"]!.AsArray();
        JsonNode tab = Assert.Single(tabs, t => (string?)t!["entityId"] == "mijn-regiekaarten")!;

        Assert.Equal("Mijn regiekaarten", (string?)tab["name"]);
        Assert.Equal("https://${{BOT_DOMAIN}}/tab/", (string?)tab["contentUrl"]);
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Contains(tabs, t => (string?)t!["entityId"] == "conversations");   // keeps the bot's chat beside the tab
        Assert.Equal(["${{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("${{BOT_ID}}", (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal("api://${{BOT_DOMAIN}}/${{BOT_ID}}", (string?)manifest["webApplicationInfo"]!["resource"]);
    }

    [Fact]
    public void Template_ChannelTab_IsConfigurableInTeamChannelsOfEveryKind()
    {
        JsonObject manifest = Template();
        JsonNode tab = Assert.Single(manifest["configurableTabs"]!.AsArray())!;

        Assert.Equal("https://${{BOT_DOMAIN}}/tab/configureren.html", (string?)tab["configurationUrl"]);
        Assert.Equal(["team"], tab["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["channelTab"], tab["context"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["privateChannels", "sharedChannels"], manifest["supportedChannelTypes"]!.AsArray().Select(s => (string)s!).Order());
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
