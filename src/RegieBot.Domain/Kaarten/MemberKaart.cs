namespace RegieBot.Domain.Kaarten;

/// <summary>A kaart on which a Teams user is a linked professional, for their personal <c>overzicht</c>.</summary>
public sealed record MemberKaart(string KaartId, string Casus, DateOnly? Evaluatiedatum, KaartStatus Status, string ThreadId);
