using System.Text.Json.Nodes;
using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Scripts;

/// <summary>
/// scripts/expose-tab-api.sh gives the app registration the API the tab's SSO token is for: the manifest's
/// webApplicationInfo.resource as identifier URI, the scope the host requires, and Teams' clients pre-authorized.
/// </summary>
public sealed class ExposeTabApiScriptTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "expose-tab-api.sh"));

    [Fact]
    public void Script_IdentifierUri_IsTheManifestsWebApplicationResource()
    {
        JsonObject manifest = AppPackageBuilder.ReadTemplate(RepositoryPaths.Manifest);
        string resource = ((string)manifest["webApplicationInfo"]!["resource"]!).Replace("${{", "$", StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal);

        Assert.Equal("api://$BOT_DOMAIN/$BOT_ID", resource);
        Assert.Contains($"\"identifierUris\": [\"{resource}\"]", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_Scope_IsAccessAsUserAndTeamsClientsArePreAuthorized()
    {
        Assert.Contains("SCOPE=\"access_as_user\"", Script, StringComparison.Ordinal);
        Assert.Contains("1fec8e78-bce4-4aaf-ab1b-5451cc387264", Script, StringComparison.Ordinal);   // Teams desktop and mobile
        Assert.Contains("5e3ce6c0-2b1f-4285-8d4b-75ee78787346", Script, StringComparison.Ordinal);   // Teams web
        Assert.Contains("\"preAuthorizedApplications\"", Script, StringComparison.Ordinal);
    }
}
