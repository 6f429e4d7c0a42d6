using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RegieBot.Storage;

namespace RegieBot.Deployment.Tests.Infra;

/// <summary>infra/ compiles with the pinned Bicep CLI, offline, and describes what the bot needs.</summary>
public sealed partial class MainBicepTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    [Fact]
    public void Build_MainBicep_CompilesWithoutErrorsOrWarnings()
    {
        Assert.True(infra.ExitCode == 0, infra.Diagnostics);
        Assert.DoesNotContain(": Error ", infra.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(": Warning ", infra.Diagnostics, StringComparison.Ordinal);
        Assert.NotEmpty(infra.Template["resources"]!.AsObject());
    }

    [Fact]
    public async Task BuildParams_MainBicepparam_CompilesWithoutErrorsOrWarnings()
    {
        (int exitCode, string output, string diagnostics) = await BicepCli.RunAsync("build-params", Path.Combine("infra", "main.bicepparam"), "--stdout");

        Assert.True(exitCode == 0, diagnostics);
        Assert.DoesNotContain(": Warning ", diagnostics, StringComparison.Ordinal);
        Assert.Contains("botAppPassword", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_AreTheTablesTheBotUses()
    {
        string[] tables = [.. infra.Template["variables"]!["tableNames"]!.AsArray().Select(t => (string)t!)];

        Assert.Equal(RegieTables.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal("Regie", (string?)infra.Parameter("tablePrefix")["defaultValue"]);
    }

    [Fact]
    public void WebApp_IsLinuxDotNet10OnAtLeastTwoInstancesWithHealthCheck()
    {
        JsonObject plan = infra.Resource("plan");
        JsonObject site = infra.Resource("site");

        Assert.Equal(2, (int?)infra.Parameter("instanceCount")["minValue"]);
        Assert.Equal(2, (int?)infra.Parameter("instanceCount")["defaultValue"]);
        Assert.Equal("[parameters('instanceCount')]", (string?)plan["sku"]!["capacity"]);
        Assert.True((bool?)plan["properties"]!["reserved"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.Equal("/healthz", (string?)site["properties"]!["siteConfig"]!["healthCheckPath"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
    }

    [Fact]
    public void Bot_IsSingleTenantByDefaultWithTheTeamsChannelAndOurEndpoint()
    {
        JsonObject bot = infra.Resource("bot");
        JsonObject channel = infra.Resource("teams");

        Assert.Equal("SingleTenant", (string?)infra.Parameter("botAppType")["defaultValue"]);
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], infra.Parameter("botAppType")["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("Microsoft.BotService/botServices", (string?)bot["type"]);
        Assert.Contains("/api/messages", (string?)bot["properties"]!["endpoint"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool?)channel["properties"]!["properties"]!["isEnabled"]);
    }

    [Fact]
    public void Bot_WebChatAndDirectLine_AreSwitchedOff()
    {
        string[] channels = [.. infra.Template["resources"]!.AsObject()
            .Where(r => (string?)r.Value!["type"] == "Microsoft.BotService/botServices/channels")
            .Select(r => (string)r.Value!["properties"]!["channelName"]!)];
        JsonObject webChat = infra.Resource("webChat");
        JsonObject directLine = infra.Resource("directLine");

        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels.Order(StringComparer.Ordinal));
        Assert.All(webChat["properties"]!["properties"]!["sites"]!.AsArray(), site => Assert.False((bool?)site!["isEnabled"]));
        Assert.All(directLine["properties"]!["properties"]!["sites"]!.AsArray(), site =>
        {
            Assert.False((bool?)site!["isEnabled"]);
            Assert.False((bool?)site["isV3Enabled"]);
        });
        Assert.NotEmpty(webChat["properties"]!["properties"]!["sites"]!.AsArray());
        Assert.NotEmpty(directLine["properties"]!["properties"]!["sites"]!.AsArray());
    }

    [Fact]
    public void StorageRole_IsTableDataContributorForTheManagedIdentity()
    {
        JsonObject role = infra.Resource("storageRole");
        JsonObject storage = infra.Resource("storage");

        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", infra.Template["variables"]!["storageTableDataContributor"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("identity", (string?)role["properties"]!["principalId"], StringComparison.Ordinal);
        Assert.False((bool?)storage["properties"]!["allowSharedKeyAccess"]);
    }

    [Fact]
    public void AppSettings_AreTheKeysTheBotReads()
    {
        string[] names = [.. AppSettingNames()];

        Assert.Subset(
            new HashSet<string>(names),
            new HashSet<string>(["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppPassword", "ASPNETCORE_URLS",
                "RegieBot__Storage__AccountUri", "RegieBot__Storage__ManagedIdentityClientId", "RegieBot__Storage__TablePrefix", "RegieBot__Tab__Domain"]));
        foreach (string storageKey in names.Where(n => n.StartsWith("RegieBot__Storage__", StringComparison.Ordinal)))
        {
            string property = storageKey["RegieBot__Storage__".Length..];
            Assert.True(typeof(StorageOptions).GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null,
                $"{storageKey} is not a property of {nameof(StorageOptions)}");
        }

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", infra.Resource("site").ToJsonString(Unescaped), StringComparison.Ordinal);
    }

    /// <summary>
    /// The literal setting names of the Web App: Bicep inlines the setting arrays that use resource properties as
    /// <c>createObject('name', '...')</c> expressions, and keeps the others as variables.
    /// </summary>
    private IEnumerable<string> AppSettingNames()
    {
        string settings = infra.Resource("site")["properties"]!["siteConfig"]!["appSettings"]!.ToJsonString(Unescaped)
            + infra.Template["variables"]!.ToJsonString(Unescaped);
        return SettingName().Matches(settings).Select(m => m.Groups[1].Value).Distinct();
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"createObject\('name', '([A-Za-z_]+)'")]
    private static partial Regex SettingName();
}
