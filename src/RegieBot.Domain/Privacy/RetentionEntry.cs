namespace RegieBot.Domain.Privacy;

/// <summary>A closed casus whose data is to be deleted from <paramref name="DueAt"/> on.</summary>
public sealed record RetentionEntry(string KaartId, DateTimeOffset DueAt);
