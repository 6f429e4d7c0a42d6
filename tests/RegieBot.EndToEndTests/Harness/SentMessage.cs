namespace RegieBot.EndToEndTests.Harness;

/// <summary>A message a mock user sent.</summary>
/// <param name="MessageId">Its id: the Playground's message id, or our activity id for one sent as another user.</param>
/// <param name="ConversationId">Where the bot got it: for a typed channel message the new thread <c>{channel};messageid={MessageId}</c>.</param>
public sealed record SentMessage(string MessageId, string ConversationId, MockUser From);
