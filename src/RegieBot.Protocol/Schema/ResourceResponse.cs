namespace RegieBot.Protocol.Schema;

/// <summary>What the connector answers to a send or update: the id of the activity.</summary>
public sealed record ResourceResponse(string? Id);
