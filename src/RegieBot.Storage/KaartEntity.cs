using System.Globalization;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// The <c>kaart</c> row and each version row (<c>v000001</c>, …): the kaart, its close record and, when an operation
/// wrote it, the operation's token. The content lives in the JSON columns <c>Content0</c>, … beside these.
/// </summary>
public sealed class KaartEntity : KaartLocatedEntity
{
    public int? Version { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>The evaluation date as <c>yyyy-MM-dd</c>: the table has no date-only type.</summary>
    public string? Evaluatiedatum { get; set; }

    public string? Criterium { get; set; }
    public string? OvergedragenAan { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? RetentionDueAt { get; set; }

    /// <summary>The operation that wrote the row, so a retry after a lost response recognises its own write.</summary>
    public string? CommitToken { get; set; }

    internal override string ContentColumn => KaartPartition.Content;

    internal static TableEntity ToTableEntity(Kaart kaart, string row, string? commitToken = null)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        KaartEntity entity = new()
        {
            PartitionKey = TableKey.Encode(kaart.Id),
            RowKey = row,
            Casus = kaart.Casus,
            Version = kaart.Version,
            Status = kaart.Status.ToString(),
            CardActivityId = kaart.CardActivityId,
            CreatedAt = kaart.CreatedAt,
            UpdatedAt = kaart.UpdatedAt,
            UpdatedBy = kaart.UpdatedBy,
            Evaluatiedatum = FormatDate(kaart.Content.Evaluatiedatum),
            Location = kaart.Location,
            Criterium = kaart.Closure?.Criterium.ToString(),
            OvergedragenAan = kaart.Closure?.OvergedragenAan,
            ClosedAt = kaart.Closure?.ClosedAt,
            ClosedBy = kaart.Closure?.ClosedBy,
            RetentionDueAt = kaart.Closure?.RetentionDueAt,
            CommitToken = commitToken,
        };
        return entity.ToTableEntity(kaart.Content);
    }

    internal static Kaart ToKaart(TableEntity stored)
    {
        KaartEntity entity = TypedRow.Read<KaartEntity>(stored);
        return new Kaart
        {
            Id = TableKey.Decode(entity.PartitionKey),
            Casus = entity.Casus ?? string.Empty,
            Location = entity.Location,
            Content = ReadContent(stored, entity),
            Version = entity.Version ?? 1,
            Status = Enum.Parse<KaartStatus>(entity.Status ?? nameof(KaartStatus.Actief)),
            Closure = entity.Closure,
            CardActivityId = entity.CardActivityId,
            CreatedAt = entity.CreatedAt ?? default,
            UpdatedAt = entity.UpdatedAt ?? default,
            UpdatedBy = entity.UpdatedBy,
            ETag = entity.ETag.ToString(),
        };
    }

    internal KaartClosure? Closure =>
        Criterium is { } criterium
            ? new KaartClosure(Enum.Parse<AfschaalCriterium>(criterium), OvergedragenAan, ClosedAt ?? default, ClosedBy ?? string.Empty, RetentionDueAt ?? default)
            : null;

    internal static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date : null;
}
