using RegieBot.Domain.Dialogs;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// The dialog of a kaart being written or updated (the <c>dialog</c> row of its partition).
/// Writes are conditional on the ETag the value was read with and throw
/// <see cref="ConcurrencyConflictException"/> when someone else wrote first.
/// </summary>
public interface IDialogStore
{
    /// <summary>
    /// Registers a new casus in its thread, then writes its dialog with <paramref name="effects"/> (the step card to post)
    /// in one transaction. Conflict when the thread already has one.
    /// </summary>
    Task<DialogState> CreateDialogAsync(DialogState dialog, IReadOnlyList<Outbox.OutboxItem> effects, CancellationToken cancellationToken);

    Task<DialogState?> GetDialogAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>Stores a changed dialog (new, for <c>bijwerken</c>, when it has no ETag).</summary>
    Task<DialogState> SaveDialogAsync(DialogState dialog, CancellationToken cancellationToken);

    /// <summary>Stores a changed dialog with <paramref name="effects"/> (the shared step card's update) in one transaction.</summary>
    Task<DialogState> SaveDialogAsync(DialogState dialog, IReadOnlyList<Outbox.OutboxItem> effects, CancellationToken cancellationToken);
}
