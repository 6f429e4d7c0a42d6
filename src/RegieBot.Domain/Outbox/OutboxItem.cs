namespace RegieBot.Domain.Outbox;

/// <summary>One side effect of a committed operation, stored in the kaart's partition in the operation's own transaction.</summary>
/// <param name="Id">Unique within the kaart: the operation's commit token and the effect.</param>
public sealed record OutboxItem(string Id, OutboxEffect Effect)
{
    /// <summary>Linked professionals who were on the previous version and are not on this one (for <see cref="OutboxEffect.Indexes"/>).</summary>
    public IReadOnlyList<string> RemovedMembers { get; init; } = [];

    /// <summary>The bot's id in the conversation, for proactive posts (for <see cref="OutboxEffect.Evaluation"/>).</summary>
    public string? BotId { get; init; }

    public static IReadOnlyList<OutboxItem> ForVersion(string token, IReadOnlyList<string> removedMembers, string? botId) =>
    [
        new(token + "-" + nameof(OutboxEffect.Indexes), OutboxEffect.Indexes) { RemovedMembers = removedMembers },
        new(token + "-" + nameof(OutboxEffect.Evaluation), OutboxEffect.Evaluation) { BotId = botId },
        new(token + "-" + nameof(OutboxEffect.KaartCard), OutboxEffect.KaartCard),
    ];
}
