using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegieBot.Domain.Conversations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Reminders;
using RegieBot.Domain.Turns;

namespace RegieBot.Storage;

public static class StorageHostingExtensions
{
    /// <summary>
    /// Service key of extra <see cref="HttpPipelinePolicy"/> instances for the Table Storage client: each one registered
    /// under this key (<c>AddKeyedSingleton&lt;HttpPipelinePolicy&gt;(PipelinePolicyKey, …)</c>) runs once per attempt
    /// of every storage request, e.g. to meter requests. None are registered by default.
    /// </summary>
    public const string PipelinePolicyKey = "RegieBot.Storage";

    public static IHostApplicationBuilder AddRegieStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        bool production = builder.Environment.IsProduction();
        StorageOptions configured = new();
        builder.Configuration.GetSection(StorageOptions.SectionName).Bind(configured);
        if (production && configured.UsesDevelopmentStorage)
        {
            throw new InvalidOperationException(ProductionNeedsStorageMessage);   // at once, as for the bot's credentials
        }

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !production || !o.UsesDevelopmentStorage, ProductionNeedsStorageMessage)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            StorageOptions options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            TableClientOptions clientOptions = new();
            clientOptions.Retry.MaxRetries = options.MaxRetries;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            foreach (HttpPipelinePolicy policy in sp.GetKeyedServices<HttpPipelinePolicy>(PipelinePolicyKey))
            {
                clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }

            return options.AccountUri is { } accountUri
                ? new TableServiceClient(accountUri, CreateCredential(options), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        builder.Services.AddSingleton<RegieTables>();
        builder.Services.AddHostedService<TableInitializer>();
        builder.Services.AddSingleton<TableConversationReferenceStore>();
        builder.Services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<TableConversationReferenceStore>());
        builder.Services.AddSingleton<TableTurnLedger>();
        builder.Services.AddSingleton<ITurnLedger>(sp => sp.GetRequiredService<TableTurnLedger>());
        builder.Services.AddSingleton<TableKaartStore>();
        builder.Services.AddSingleton<IKaartStore>(sp => sp.GetRequiredService<TableKaartStore>());

        // The narrower stores resolve through IKaartStore, so a replacement of it (a test's fault injection) covers them all.
        builder.Services.AddSingleton<IDialogStore>(sp => sp.GetRequiredService<IKaartStore>());
        builder.Services.AddSingleton<IKaartVersionStore>(sp => sp.GetRequiredService<IKaartStore>());
        builder.Services.AddSingleton<IKaartIndex>(sp => sp.GetRequiredService<IKaartStore>());
        builder.Services.AddSingleton<IKaartCommitStore>(sp => sp.GetRequiredService<IKaartStore>());
        builder.Services.AddSingleton<ICasusRecordStore>(sp => sp.GetRequiredService<IKaartStore>());
        builder.Services.AddSingleton<TableReminderStore>();
        builder.Services.AddSingleton<IReminderStore>(sp => sp.GetRequiredService<TableReminderStore>());
        builder.Services.AddSingleton<TableRetentionIndex>();
        builder.Services.AddSingleton<TableOutboxStore>();
        builder.Services.AddSingleton<RegieBot.Domain.Outbox.IOutboxStore>(sp => sp.GetRequiredService<TableOutboxStore>());
        builder.Services.AddSingleton<IRetentionIndex>(sp => sp.GetRequiredService<TableRetentionIndex>());

        // Every table that can hold data of a casus is erased through one of these (verwijderen, retention).
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableConversationReferenceStore>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableTurnLedger>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableKaartStore>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableReminderStore>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableRetentionIndex>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableOutboxStore>());
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: StorageHealthCheck.Timeout);
        return builder;
    }

    internal const string ProductionNeedsStorageMessage =
        "RegieBot does not use the local storage emulator in Production. Set RegieBot__Storage__AccountUri to the storage account's " +
        "table endpoint (with a managed identity: RegieBot__Storage__ManagedIdentityClientId), or RegieBot__Storage__ConnectionString.";

    /// <summary>The user-assigned managed identity when its client id is configured; otherwise the default chain.</summary>
    internal static TokenCredential CreateCredential(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId.Trim()));
}
