using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace RegieBot.Storage;

/// <summary>The tables of RegieBot, by name, with the configured prefix.</summary>
public sealed class RegieTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string Conversations = "Conversations";
    public const string Turns = "Turns";
    public const string Kaarten = "Kaarten";
    public const string Threads = "Threads";
    public const string MemberIndex = "MemberIndex";
    public const string Reminders = "Reminders";
    public const string TeamIndex = "TeamIndex";
    public const string Retention = "Retention";
    public const string Work = "Work";

    /// <summary>Every table the bot uses; created at start.</summary>
    public static IReadOnlyList<string> All { get; } = [Conversations, Turns, Kaarten, Threads, MemberIndex, Reminders, TeamIndex, Retention, Work];

    public TableServiceClient Service => service;

    public TableClient Get(string table) => service.GetTableClient(options.Value.TablePrefix + table);
}
