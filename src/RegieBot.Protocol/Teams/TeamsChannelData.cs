using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Teams;

/// <summary>The Teams part of <c>channelData</c>: tenant, team, channel and the conversationUpdate event type.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }
    public TeamsChannelDataSettings? Settings { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo(string? Id, string? Name, string? AadGroupId);

/// <summary>
/// A channel. <see cref="Type"/> says <c>private</c> or <c>shared</c> for those channels when Teams sends it; nothing
/// documents that it always does, so the bot never decides on it (it always asks for the channel's own members).
/// </summary>
public sealed record ChannelInfo(string? Id, string? Name)
{
    public string? Type { get; init; }
}

public sealed record TeamsChannelDataSettings(ChannelInfo? SelectedChannel);
