using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// The columns the <c>kaart</c>, version and <c>dialog</c> rows share: where the casus lives, its name, status and card.
/// The names are those the rows were always stored with.
/// </summary>
public abstract class KaartLocatedEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Casus { get; set; }
    public string? Status { get; set; }
    public string? CardActivityId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public string? ThreadId { get; set; }
    public string? ChannelId { get; set; }
    public string? TeamId { get; set; }
    public string? TenantId { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>The name of the JSON columns that hold the content (<c>Content</c> or <c>Draft</c>).</summary>
    internal abstract string ContentColumn { get; }

    internal KaartLocation Location
    {
        get => new(ThreadId ?? string.Empty, ChannelId ?? string.Empty, TeamId, TenantId, ServiceUrl ?? string.Empty);
        set
        {
            ThreadId = value.ThreadId;
            ChannelId = value.ChannelId;
            TeamId = value.TeamId;
            TenantId = value.TenantId;
            ServiceUrl = value.ServiceUrl;
        }
    }

    /// <summary>The row with its content in the JSON columns, as it goes over the wire.</summary>
    internal TableEntity ToTableEntity(KaartContent content)
    {
        TableEntity entity = TypedRow.ToTableEntity(this);
        JsonColumns.Write(entity, ContentColumn, content, StorageJsonContext.Default.KaartContent);
        return entity;
    }

    internal static KaartContent ReadContent(TableEntity entity, KaartLocatedEntity row) =>
        JsonColumns.Read(entity, row.ContentColumn, StorageJsonContext.Default.KaartContent);
}
