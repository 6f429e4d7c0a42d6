using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RegieBot.Protocol.Authentication;

namespace RegieBot.Protocol.Tests.Authentication;

public sealed class AuthenticationHostingExtensionsTests
{
    private const string AppId = "8f6c2f6e-3c0a-4b1e-9d55-1c2b3a4d5e6f";
    private const string TenantId = "0b7d5b2a-5f43-4c8e-8d7e-2a9c6e1f4b3d";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Staging")]
    [InlineData("Test")]
    [InlineData("")]
    public void AddBotAuthentication_WithoutAppIdOutsideDevelopment_ThrowsNamingMicrosoftAppId(string environment)
    {
        HostApplicationBuilder builder = CreateBuilder(environment, "");

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => builder.AddBotAuthentication());

        Assert.Contains("MicrosoftAppId is empty: RegieBot runs without authentication only in the Development environment", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotAuthentication_WithoutAppIdInDevelopment_IsTheAnonymousLocalMode()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, "");

        builder.AddBotAuthentication();

        Assert.Null(BotCredentialRequirements.FindProblem(new BotIdentityOptions(), Environments.Development));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddBotAuthentication_ProductionWithoutAppId_ThrowsNamingMicrosoftAppId(string? appId)
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, appId);

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => builder.AddBotAuthentication());

        Assert.Contains("MicrosoftAppId", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppTenantId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProductionAppIdClearedAfterRegistration_ThrowsNamingMicrosoftAppId()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "secret", ["MicrosoftAppTenantId"] = TenantId });
        builder.AddBotAuthentication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" });
        using IHost host = builder.Build();

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains("MicrosoftAppId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProductionWithAppIdAndCredentials_StartsWithoutAnonymousWarning()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = TenantId,
        });
        builder.AddBotAuthentication();
        using IHost host = builder.Build();

        await host.StartAsync(Ct);

        Assert.DoesNotContain(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1100);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_DevelopmentWithoutAppId_LogsOneLoudWarning()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, appId: null);
        builder.AddBotAuthentication();
        builder.AddBotAuthentication();   // registering twice must not warn twice
        using IHost host = builder.Build();

        await host.StartAsync(Ct);

        FakeLogRecord warning = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1100);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("WITHOUT authentication", warning.Message, StringComparison.Ordinal);
        Assert.Contains("local use only", warning.Message, StringComparison.Ordinal);
        await host.StopAsync(Ct);
    }

    [Theory]
    [InlineData(null, null, TenantId, "MicrosoftAppPassword is empty")]
    [InlineData("SingleTenant", "", TenantId, "MicrosoftAppPassword is empty")]
    [InlineData("SingleTenant", "secret", null, "MicrosoftAppTenantId is empty")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppTenantId is empty")]
    [InlineData("MultiTenant", "secret", TenantId, "MultiTenant is not accepted in Production")]
    [InlineData("Federated", "secret", TenantId, "MicrosoftAppType 'Federated' is not supported")]
    public void AddBotAuthentication_ProductionWithoutCredentials_ThrowsNamingTheKey(string? appType, string? password, string? tenantId, string expected)
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenantId,
        });

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => builder.AddBotAuthentication());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SingleTenant", "secret")]
    [InlineData("UserAssignedMSI", null)]
    [InlineData("userassignedmsi", "")]
    public async Task StartAsync_ProductionWithSecretOrManagedIdentity_Starts(string appType, string? password)
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = TenantId,
        });
        builder.AddBotAuthentication();
        using IHost host = builder.Build();

        await host.StartAsync(Ct);

        Assert.Equal(appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase), host.Services.GetRequiredService<IOptions<BotIdentityOptions>>().Value.UsesManagedIdentity);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_ProductionPasswordClearedAfterRegistration_ThrowsNamingMicrosoftAppPassword()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Production, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "secret", ["MicrosoftAppTenantId"] = TenantId });
        builder.AddBotAuthentication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "" });
        using IHost host = builder.Build();

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains("MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotAuthentication_DevelopmentWithAppIdOnly_IsAllowed()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, AppId);

        builder.AddBotAuthentication();

        Assert.Null(BotCredentialRequirements.FindProblem(new BotIdentityOptions { MicrosoftAppId = AppId }, Environments.Development));
    }

    [Fact]
    public void AddBotAuthentication_RootKeys_BindBotIdentity()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "0b7d5b2a-5f43-4c8e-8d7e-2a9c6e1f4b3d",
            ["MicrosoftAppType"] = "SingleTenant",
        });
        builder.AddBotAuthentication();
        using IHost host = builder.Build();

        BotIdentityOptions identity = host.Services.GetRequiredService<IOptions<BotIdentityOptions>>().Value;

        Assert.Equal(AppId, identity.MicrosoftAppId);
        Assert.Equal("secret", identity.MicrosoftAppPassword);
        Assert.Equal("0b7d5b2a-5f43-4c8e-8d7e-2a9c6e1f4b3d", identity.MicrosoftAppTenantId);
        Assert.Equal("SingleTenant", identity.MicrosoftAppType);
        Assert.False(identity.IsAnonymous);
        Assert.False(identity.UsesManagedIdentity);
    }

    [Fact]
    public void AddBotAuthentication_NoSection_UsesPublicCloudDefaults()
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, AppId);
        builder.AddBotAuthentication();
        using IHost host = builder.Build();

        BotAuthenticationOptions options = host.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrlTemplate);
        Assert.Equal("https://api.botframework.com", options.BotFrameworkIssuer);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.True(options.RequireHttpsMetadata);
        Assert.True(options.MetadataRefreshInterval <= TimeSpan.FromHours(22));
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("ClockSkew", "00:30:00")]
    [InlineData("MetadataRefreshInterval", "2.00:00:00")]
    [InlineData("EntraOpenIdMetadataUrlTemplate", "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration")]
    [InlineData("BotFrameworkOpenIdMetadataUrl", "not a url")]
    public async Task StartAsync_InvalidAuthenticationOption_FailsNamingTheOption(string key, string value)
    {
        HostApplicationBuilder builder = CreateBuilder(Environments.Development, AppId);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{BotAuthenticationOptions.SectionName}:{key}"] = value,
        });
        builder.AddBotAuthentication();
        using IHost host = builder.Build();

        OptionsValidationException exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder CreateBuilder(string environment, string? appId)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId });
        builder.Logging.AddFakeLogging();
        return builder;
    }
}
