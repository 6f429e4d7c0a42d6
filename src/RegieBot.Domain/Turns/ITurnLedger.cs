namespace RegieBot.Domain.Turns;

/// <summary>
/// Remembers which inbound activities were handled, so a redelivered activity is handled once
/// across all instances of the bot. Holds hashes only.
/// </summary>
public interface ITurnLedger
{
    /// <summary>Claims the turn. False when any of its keys was claimed before (a redelivery).</summary>
    Task<bool> TryBeginAsync(TurnKeys keys, CancellationToken cancellationToken);

    /// <summary>Releases a claim after a failed turn, so that the channel's redelivery is handled again.</summary>
    Task AbandonAsync(TurnKeys keys, CancellationToken cancellationToken);
}
