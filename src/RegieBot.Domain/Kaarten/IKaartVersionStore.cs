using RegieBot.Domain.Dialogs;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// The kaart row and its versions: what is current, what it was, and saving a new version. Writes are conditional on the ETag the value was read with and throw
/// <see cref="ConcurrencyConflictException"/> when someone else wrote first.
/// </summary>
public interface IKaartVersionStore
{
    Task<Kaart?> GetKaartAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the kaart as a new version — together with its completed dialog, when it came from one, and the outbox
    /// items of what follows from it — in one transaction. The kaart's ETag is null for version 1. The kaart row
    /// carries <paramref name="commitToken"/>, so a commit whose response was lost (a conflict on the retry, or no
    /// answer) is recognised as this one and returned; only someone else's save is a
    /// <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<Kaart> SaveVersionAsync(Kaart kaart, DialogState? completedDialog, IReadOnlyList<Outbox.OutboxItem> effects, string commitToken, CancellationToken cancellationToken);

    /// <summary>Changes what is not content (the posted card's id); not a new version.</summary>
    Task<Kaart> UpdateKaartAsync(Kaart kaart, CancellationToken cancellationToken);

    Task<IReadOnlyList<Kaart>> GetVersionsAsync(string kaartId, CancellationToken cancellationToken);

    /// <summary>Every active kaart, page by page (a scan of the kaart rows: for the daily audit, not for a request).</summary>
    IAsyncEnumerable<Kaart> ListActiveAsync(CancellationToken cancellationToken);
}
