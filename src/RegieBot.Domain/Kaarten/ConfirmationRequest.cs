namespace RegieBot.Domain.Kaarten;

/// <summary>
/// When the channel tab last asked the kaart's professionals to confirm their role ("Vraag om bevestiging"): the only
/// thing the tab stores, one row in the kaart's partition, so that it asks at most once a day.
/// </summary>
/// <param name="At">The moment of the last request.</param>
public sealed record ConfirmationRequest(DateTimeOffset At)
{
    /// <summary>The row's ETag as read (null: not stored yet); the next request is written only while it is unchanged.</summary>
    public string? ETag { get; init; }
}
