using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// A row of the member or team index: partition the encoded Entra object id or team id, row the encoded kaart id.
/// Typed, so a misspelt column does not compile; the names are those the rows were always stored with.
/// </summary>
public sealed class KaartIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Casus { get; set; }

    /// <summary>The evaluation date as <c>yyyy-MM-dd</c>: the table has no date-only type.</summary>
    public string? Evaluatiedatum { get; set; }

    public string? Status { get; set; }
    public string? ThreadId { get; set; }

    public static KaartIndexEntity From(string partition, Kaart kaart)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return new KaartIndexEntity
        {
            PartitionKey = TableKey.Encode(partition),
            RowKey = TableKey.Encode(kaart.Id),
            Casus = kaart.Casus,
            Evaluatiedatum = KaartEntity.FormatDate(kaart.Content.Evaluatiedatum),
            Status = kaart.Status.ToString(),
            ThreadId = kaart.Location.ThreadId,
        };
    }

    public MemberKaart ToMemberKaart() => new(
        TableKey.Decode(RowKey),
        Casus ?? string.Empty,
        KaartEntity.ParseDate(Evaluatiedatum),
        Enum.Parse<KaartStatus>(Status ?? nameof(KaartStatus.Actief)),
        ThreadId ?? string.Empty);
}
