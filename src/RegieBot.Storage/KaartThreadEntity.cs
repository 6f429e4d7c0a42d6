using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// A row of the thread index: partition the encoded channel, row the encoded thread id. <see cref="Saved"/> is false
/// while the casus has only a dialog, so a start may take over a thread whose dialog was cancelled.
/// </summary>
public sealed class KaartThreadEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? KaartId { get; set; }
    public string? Casus { get; set; }
    public bool Saved { get; set; }

    /// <summary>The channel tab's <see cref="ChannelSummary"/> as JSON (written by the outbox with the row, or merged into it).</summary>
    public string? Summary { get; set; }

    /// <summary>When the evaluation card went out (written by the reminder's sender, merged into the row).</summary>
    public DateTimeOffset? EvaluatieVerstuurd { get; set; }

    /// <summary>When the evaluation was moved ("Herinner over een week"): a card sent before it is not waiting any more.</summary>
    public DateTimeOffset? EvaluatieVerplaatst { get; set; }

    public static KaartThreadEntity From(string threadId, string kaartId, string casus, bool saved, ChannelSummary? summary = null) => new()
    {
        Summary = summary is null ? null : SummaryJson(summary),
        PartitionKey = TableKey.Encode(KaartLocation.ChannelOf(threadId)),
        RowKey = TableKey.Encode(threadId),
        KaartId = kaartId,
        Casus = casus,
        Saved = saved,
    };

    public ThreadKaart ToThreadKaart() => new(TableKey.Decode(RowKey), KaartId ?? string.Empty, Casus ?? string.Empty, Saved);

    /// <summary>As <see cref="ToThreadKaart"/>, with the channel tab's summary when it is there, of this kaart and in the current format.</summary>
    public ThreadKaart ToThreadKaartWithSummary()
    {
        ChannelSummary? summary = null;
        if (Summary is { Length: > 0 } json)
        {
            try
            {
                summary = System.Text.Json.JsonSerializer.Deserialize(json, StorageJsonContext.Default.ChannelSummary);
            }
            catch (System.Text.Json.JsonException)
            {
                summary = null;   // another format: the tab reads the kaart itself
            }
        }

        return ToThreadKaart() with
        {
            Summary = summary is { Format: ChannelSummary.CurrentFormat } && summary.KaartId == KaartId
                ? summary with { EvaluationSentAt = EvaluatieVerstuurd is { } sent && (EvaluatieVerplaatst is not { } moved || sent > moved) ? sent : null }
                : null,
        };
    }

    /// <summary>The summary as stored; empty when it would not fit one column (then the tab reads the kaart itself).</summary>
    public static string SummaryJson(ChannelSummary summary)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(summary, StorageJsonContext.Default.ChannelSummary);
        return json.Length <= MaxSummaryChars ? json : string.Empty;
    }

    /// <summary>A table string property holds at most 32K characters.</summary>
    private const int MaxSummaryChars = 30_000;
}
