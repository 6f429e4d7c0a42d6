namespace RegieBot.Domain.Conversations;

public interface IConversationReferenceStore
{
    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Stores the reference when it is new or differs from what is stored. Returns true when it wrote.</summary>
    Task<bool> RefreshAsync(ConversationReference reference, CancellationToken cancellationToken);
}
