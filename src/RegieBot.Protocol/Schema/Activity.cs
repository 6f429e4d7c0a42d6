using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity. Fields we do not model are kept in <see cref="Unmodelled"/>,
/// so an activity read and written again loses nothing.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }

    /// <summary>Kept as the raw string: it must equal the token's <c>serviceurl</c> claim exactly.</summary>
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public IList<Attachment>? Attachments { get; init; }
    public IList<Entity>? Entities { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public IList<ChannelAccount>? MembersAdded { get; init; }
    public IList<ChannelAccount>? MembersRemoved { get; init; }
    public JsonElement? ChannelData { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }
}
