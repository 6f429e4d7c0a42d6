namespace RegieBot.Domain.Turns;

/// <summary>
/// The identities of one inbound activity: <see cref="Partition"/> groups a conversation's turns,
/// <see cref="ById"/> is derived from the channel's activity id, <see cref="ByContent"/> from what the
/// activity says and when it was sent (Teams sometimes redelivers with a new id).
/// All three are hashes: no ids or text of users are stored.
/// </summary>
public sealed record TurnKeys(string Partition, string? ById, string ByContent)
{
    /// <summary>The key handlers use to make their own changes idempotent.</summary>
    public string IdempotencyKey => ByContent;
}
