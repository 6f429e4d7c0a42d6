namespace RegieBot.Protocol.Schema;

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
