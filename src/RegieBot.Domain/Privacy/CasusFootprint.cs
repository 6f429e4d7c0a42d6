namespace RegieBot.Domain.Privacy;

/// <summary>
/// Where the data of one casus is, read from its own records before anything is deleted: its thread, the
/// linked professionals of every version and draft (member index), the messages in Teams that show it, and its
/// retention entry. With only <see cref="KaartId"/> when the casus itself is already gone.
/// </summary>
public sealed record CasusFootprint(string KaartId)
{
    public string? ThreadId { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary>The team of the channel, for the team index (null outside a team).</summary>
    public string? TeamId { get; init; }

    /// <summary>Entra object ids of every linked professional the casus ever had.</summary>
    public IReadOnlyList<string> MemberAadObjectIds { get; init; } = [];

    /// <summary>The bot's messages in Teams that show data of the casus: the kaart card, the step card, copies and the like.</summary>
    public IReadOnlyList<Kaarten.PostedMessage> Messages { get; init; } = [];

    /// <summary>When the casus was closed: when its retention entry falls due.</summary>
    public DateTimeOffset? RetentionDueAt { get; init; }
}
