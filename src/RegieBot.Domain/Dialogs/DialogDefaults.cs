namespace RegieBot.Domain.Dialogs;

/// <summary>What the last step proposes: today's date and the evaluation date that follows from it.</summary>
public sealed record DialogDefaults(DateOnly Today, Func<DateOnly, DateOnly> EvaluationDate);
