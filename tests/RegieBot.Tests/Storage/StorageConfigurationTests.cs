using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegieBot.Storage;

namespace RegieBot.Tests.Storage;

/// <summary>Storage by account URI with Entra ID (managed identity) or by connection string, and what Production refuses.</summary>
public sealed class StorageConfigurationTests
{
    private const string ClientId = "5e1f0000-0000-4000-8000-0000000000c1";

    private static HostApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void AddRegieStorage_AccountUri_UsesTheAccountWithEntraIdInsteadOfTheConnectionString()
    {
        HostApplicationBuilder builder = Builder(Environments.Production, new()
        {
            ["RegieBot:Storage:AccountUri"] = "https://stregiebot.table.core.windows.net/",
            ["RegieBot:Storage:ManagedIdentityClientId"] = ClientId,
        });
        builder.AddRegieStorage();
        using IHost host = builder.Build();

        TableServiceClient client = host.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal("stregiebot", client.AccountName);
        Assert.Equal(new Uri("https://stregiebot.table.core.windows.net/"), client.Uri);
        Assert.False(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesDevelopmentStorage);
    }

    [Fact]
    public void CreateCredential_ClientIdOrNot_IsTheUserAssignedIdentityOrTheDefaultChain()
    {
        Assert.IsType<ManagedIdentityCredential>(StorageHostingExtensions.CreateCredential(new StorageOptions { ManagedIdentityClientId = ClientId }));
        Assert.IsType<DefaultAzureCredential>(StorageHostingExtensions.CreateCredential(new StorageOptions()));
    }

    [Fact]
    public void AddRegieStorage_ProductionWithTheEmulator_ThrowsNamingBothKeys()
    {
        HostApplicationBuilder builder = Builder(Environments.Production, new() { ["RegieBot:Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => builder.AddRegieStorage());

        Assert.Contains("RegieBot__Storage__AccountUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RegieBot__Storage__ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRegieStorage_DevelopmentWithTheEmulator_IsFine()
    {
        HostApplicationBuilder builder = Builder(Environments.Development, []);

        builder.AddRegieStorage();

        using IHost host = builder.Build();
        Assert.True(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesDevelopmentStorage);
    }

    [Theory]
    [InlineData("http://stregiebot.table.core.windows.net/", null, "AccountUri")]
    [InlineData("https://stregiebot.table.core.windows.net/", "not-a-guid", "ManagedIdentityClientId")]
    public void Validate_BadAccountUriOrClientId_NamesTheKey(string accountUri, string? clientId, string member)
    {
        StorageOptions options = new() { AccountUri = new Uri(accountUri), ManagedIdentityClientId = clientId };

        List<ValidationResult> results = [];
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        ValidationResult result = Assert.Single(results);
        Assert.Contains(member, result.MemberNames);
        Assert.Contains("RegieBot__Storage__" + member, result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoopbackHttpAccountUri_IsAllowedForAnEmulator()
    {
        StorageOptions options = new() { AccountUri = new Uri("http://127.0.0.1:10002/devstoreaccount1") };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }
}
