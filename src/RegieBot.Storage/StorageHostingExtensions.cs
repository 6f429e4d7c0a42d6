using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegieBot.Domain.Conversations;
using RegieBot.Domain.Turns;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

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
        builder.Services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        builder.Services.AddSingleton<ITurnLedger, TableTurnLedger>();
        builder.Services.AddSingleton<IKaartStore, TableKaartStore>();
        builder.Services.AddSingleton<IReminderStore, TableReminderStore>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}
