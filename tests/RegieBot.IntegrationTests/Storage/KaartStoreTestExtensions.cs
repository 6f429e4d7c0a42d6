using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Storage;

/// <summary>A save as the relay does it, without the relay: the commit, then the index effect applied at once.</summary>
internal static class KaartStoreTestExtensions
{
    public static async Task<Kaart> SaveVersionAsync(this TableKaartStore store, Kaart kaart, DialogState? completedDialog, CancellationToken cancellationToken, Kaart? previous = null)
    {
        string token = Guid.NewGuid().ToString("N");
        HashSet<string> linked = [.. kaart.Content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!)];
        string[] removed = [.. previous?.Content.Professionals.Where(p => p.IsLinked && !linked.Contains(p.AadObjectId!)).Select(p => p.AadObjectId!) ?? []];
        Kaart saved = await store.SaveVersionAsync(kaart, completedDialog, OutboxItem.ForVersion(token, removed, null), token, cancellationToken);
        await store.ApplyIndexesAsync(kaart.Id, removed, cancellationToken);
        return saved;
    }
}
