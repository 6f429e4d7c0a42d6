namespace RegieBot.Domain.Kaarten;

/// <summary>The kaart (or the dialog that will become one) of a channel thread.</summary>
public sealed record ThreadKaart(string ThreadId, string KaartId, string Casus, bool Saved)
{
    /// <summary>
    /// What the channel tab shows of the kaart, as the outbox last wrote it (only from a channel's list); null for a row
    /// without one (written before the summary existed, or in another format): then the tab reads the kaart itself.
    /// </summary>
    public ChannelSummary? Summary { get; init; }
}
