namespace RegieBot.Domain.Confirmations;

/// <summary>
/// What confirming a role left: the kaart as it is right after (with the confirmation), and whether anything was
/// written (false: the same role was already confirmed, a double click or a redelivered invoke).
/// </summary>
public sealed record ConfirmOutcome(KaartSnapshot Snapshot, bool Recorded);
