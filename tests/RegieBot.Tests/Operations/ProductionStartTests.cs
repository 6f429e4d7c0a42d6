using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using RegieBot.Protocol.Connector;

namespace RegieBot.Tests.Operations;

/// <summary>The real host started as in Azure (environment Production): without credentials it must not start.</summary>
public sealed class ProductionStartTests
{
    private const string AppId = "0c8a2a1e-7d3b-4f5e-9a61-2b4c6d8e0f12";
    private const string TenantId = "7f0c0000-0000-0000-0000-00000000abcd";

    private static Exception StartInProduction(params (string Key, string Value)[] settings)
    {
        using WebApplicationFactory<Program> app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("MicrosoftAppId", "");
            builder.UseSetting("MicrosoftAppPassword", "");
            builder.UseSetting("MicrosoftAppTenantId", "");
            builder.UseSetting("MicrosoftAppType", "");
            foreach ((string key, string value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Teams is not part of this test: only the start-up checks are.
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(new Mock<IConnectorClient>().Object)));
        });
        return Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    private static string Messages(Exception exception)
    {
        List<string> messages = [];
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    [Fact]
    public void Start_ProductionWithoutAppId_FailsNamingMicrosoftAppId()
    {
        Exception ex = StartInProduction();

        Assert.Contains("MicrosoftAppId is empty: RegieBot does not run without authentication in Production", Messages(ex), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithAppIdButNoSecretOrManagedIdentity_FailsNamingBothWays()
    {
        Exception ex = StartInProduction(("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId));

        string message = Messages(ex);
        Assert.Contains("MicrosoftAppPassword is empty", message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppType=UserAssignedMSI", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithoutTenant_FailsNamingMicrosoftAppTenantId()
    {
        Exception ex = StartInProduction(("MicrosoftAppId", AppId), ("MicrosoftAppType", "UserAssignedMSI"));

        Assert.Contains("MicrosoftAppTenantId is empty", Messages(ex), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithCredentialsButTheStorageEmulator_FailsNamingTheStorageKeys()
    {
        Exception ex = StartInProduction(
            ("MicrosoftAppId", AppId), ("MicrosoftAppTenantId", TenantId), ("MicrosoftAppType", "UserAssignedMSI"),
            ("RegieBot:Storage:ConnectionString", "UseDevelopmentStorage=true"));

        string message = Messages(ex);
        Assert.Contains("RegieBot__Storage__AccountUri", message, StringComparison.Ordinal);
        Assert.Contains("RegieBot__Storage__ConnectionString", message, StringComparison.Ordinal);
    }
}
