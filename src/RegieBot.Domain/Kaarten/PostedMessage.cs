namespace RegieBot.Domain.Kaarten;

/// <summary>
/// A message the bot posted in Teams that shows data of a casus (a card, or a text such as <c>status</c>).
/// Remembered so that deleting the casus can replace it with a short notice.
/// </summary>
public sealed record PostedMessage(string ConversationId, string ActivityId, bool IsCard);
