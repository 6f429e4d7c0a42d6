using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegieBot.Domain.Conversations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Turns;

namespace RegieBot.Storage;

public static class StorageHostingExtensions
{
    public static IHostApplicationBuilder AddRegieStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            StorageOptions options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            TableClientOptions clientOptions = new();
            clientOptions.Retry.MaxRetries = options.MaxRetries;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            return new TableServiceClient(options.ConnectionString, clientOptions);
        });
        builder.Services.AddSingleton<RegieTables>();
        builder.Services.AddHostedService<TableInitializer>();
        builder.Services.AddSingleton<TableConversationReferenceStore>();
        builder.Services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<TableConversationReferenceStore>());
        builder.Services.AddSingleton<TableTurnLedger>();
        builder.Services.AddSingleton<ITurnLedger>(sp => sp.GetRequiredService<TableTurnLedger>());
        builder.Services.AddSingleton<TableKaartStore>();
        builder.Services.AddSingleton<IKaartStore>(sp => sp.GetRequiredService<TableKaartStore>());
        builder.Services.AddSingleton<TableRetentionIndex>();
        builder.Services.AddSingleton<IRetentionIndex>(sp => sp.GetRequiredService<TableRetentionIndex>());

        // Every table that can hold data of a casus is erased through one of these (verwijderen, retention).
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableConversationReferenceStore>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableTurnLedger>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableKaartStore>());
        builder.Services.AddSingleton<ICasusDataEraser>(sp => sp.GetRequiredService<TableRetentionIndex>());
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}
