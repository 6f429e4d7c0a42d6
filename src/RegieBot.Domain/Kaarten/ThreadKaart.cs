namespace RegieBot.Domain.Kaarten;

/// <summary>The kaart (or the dialog that will become one) of a channel thread.</summary>
public sealed record ThreadKaart(string ThreadId, string KaartId, string Casus, bool Saved);
