namespace RegieBot.Domain.Outbox;

/// <summary>One side effect of a committed operation, stored in the kaart's partition in the operation's own transaction.</summary>
/// <param name="Id">Unique within the kaart: the operation's commit token and the effect (ids of one kaart sort in commit order).</param>
public sealed record OutboxItem(string Id, OutboxEffect Effect)
{
    /// <summary>Linked professionals who were on the previous version and are not on this one (for <see cref="OutboxEffect.Indexes"/>).</summary>
    public IReadOnlyList<string> RemovedMembers { get; init; } = [];

    /// <summary>The bot's id in the conversation, for proactive posts (for <see cref="OutboxEffect.Evaluation"/>).</summary>
    public string? BotId { get; init; }

    /// <summary>For <see cref="OutboxEffect.Evaluation"/>: the postponed moment; null for the kaart's own evaluation date.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>For <see cref="OutboxEffect.Post"/>: the Adaptive Card to post, as JSON.</summary>
    public string? Card { get; init; }

    /// <summary>For <see cref="OutboxEffect.CardUpdate"/>: the message in the kaart's thread that shows <see cref="Card"/>.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The commit this item belongs to (the id without its effect).</summary>
    public string Token => Id.IndexOf('-', StringComparison.Ordinal) is var dash and >= 0 ? Id[..dash] : Id;

    /// <summary>When its operation committed: a token starts with the commit's UTC ticks in 19 digits (null for another shape).</summary>
    public DateTimeOffset? CommittedAt =>
        Token.Length >= 19 && long.TryParse(Token.AsSpan(0, 19), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long ticks)
        && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public static IReadOnlyList<OutboxItem> ForVersion(string token, IReadOnlyList<string> removedMembers, string? botId) =>
    [
        Of(token, OutboxEffect.Indexes) with { RemovedMembers = removedMembers },
        Of(token, OutboxEffect.Evaluation) with { BotId = botId },
        Of(token, OutboxEffect.KaartCard),
    ];

    public static OutboxItem Of(string token, OutboxEffect effect) => new(token + "-" + effect, effect);

    /// <summary>The card <paramref name="activityId"/> in the thread shows instead (everyone sees the answer to it).</summary>
    public static OutboxItem Update(string token, string activityId, string card) =>
        Of(token, OutboxEffect.CardUpdate) with { ActivityId = activityId, Card = card };

    /// <summary>A card to post; <paramref name="n"/> tells several posts of one commit apart.</summary>
    public static OutboxItem Post(string token, string card, int n = 0) =>
        new(token + "-" + nameof(OutboxEffect.Post) + (n == 0 ? string.Empty : "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)), OutboxEffect.Post) { Card = card };
}
