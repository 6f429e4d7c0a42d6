namespace RegieBot.Domain.Confirmations;

/// <summary>"Wijziging voorstellen": a short text from someone in the channel; open until the next version is saved.</summary>
public sealed record ChangeProposal(string Id, string ProposedBy, string? ProfessionalId, string Text, DateTimeOffset At);
