using RegieBot.Bot;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Common;

/// <summary>
/// Which casus a command in a channel is about: in a thread, that thread's kaart and no other; in a new channel
/// post, the channel's only kaart. A casus with a tombstone is gone for every command from the moment verwijderen
/// answers, not only once the relay erased its rows: its name must not be shown again while the erasure runs.
/// </summary>
internal sealed class CasusLocator(IKaartIndex store, IKaartVersionStore kaarten, IOutboxStore outbox)
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>
    /// The kaart (or the dialog that will become one) of this thread; in a new channel post, the channel's only
    /// kaart. Tells the user what to do (and returns null) when there is none, or several.
    /// </summary>
    public async Task<ThreadKaart?> FindAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsPersonalConversation())
        {
            await turn.SendPlainTextAsync(CasusTexts.InChannelOnly, cancellationToken);
            return null;
        }

        string conversationId = turn.Activity.Conversation?.Id ?? string.Empty;
        if (await FindThreadAsync(conversationId, cancellationToken) is { } thread)
        {
            return thread;
        }

        if (IsReplyInThread(turn.Activity))
        {
            // A thread is about one casus: never answer with another family's kaart here (e.g. after verwijderen).
            await turn.SendPlainTextAsync(CasusTexts.NoKaartInThread, cancellationToken);
            return null;
        }

        IReadOnlyList<ThreadKaart> inChannel = await ShownAsync(await store.ListByChannelAsync(KaartLocation.ChannelOf(conversationId), cancellationToken), cancellationToken);
        switch (inChannel.Count)
        {
            case 0:
                await turn.SendPlainTextAsync(CasusTexts.NoKaartHere, cancellationToken);
                return null;
            case 1:
                return inChannel[0];
            default:
                await turn.SendPlainTextAsync(CasusTexts.Several(inChannel.Select(t => t.Casus)), cancellationToken);
                return null;
        }
    }

    /// <summary>
    /// The kaart (or dialog) of this thread, null when there is none or it is being erased. One read more only when
    /// the thread has a casus: the tombstone lives in the work table, not in the thread row. The thread row says
    /// "saved" only once the relay (or, after a crash, the sweep) applied the first save's effects, while the save
    /// itself is the kaart row its commit wrote: while the thread row says "not yet", that row is read too, so a reader
    /// never misses a commit that was acknowledged ("Regiekaart opgeslagen") before the process died.
    /// </summary>
    public async Task<ThreadKaart?> FindThreadAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.FindByThreadAsync(conversationId, cancellationToken) is not { } thread || await outbox.IsErasingAsync(thread.KaartId, cancellationToken))
        {
            return null;
        }

        return thread.Saved || await kaarten.GetKaartAsync(thread.KaartId, cancellationToken) is null ? thread : thread with { Saved = true };
    }

    /// <summary>
    /// The saved kaart of the turn's thread, for a command that needs one; where there is none, the turn is answered
    /// (see <see cref="NoKaart"/>) and the result is null.
    /// </summary>
    public async Task<ThreadKaart?> FindSavedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await FindThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken) is { Saved: true } thread)
        {
            return thread;
        }

        await turn.SendPlainTextAsync(NoKaart(turn.Activity), cancellationToken);
        return null;
    }

    private async Task<IReadOnlyList<ThreadKaart>> ShownAsync(IReadOnlyList<ThreadKaart> threads, CancellationToken cancellationToken)
    {
        List<ThreadKaart> shown = [];
        foreach (ThreadKaart thread in threads)
        {
            if (!await outbox.IsErasingAsync(thread.KaartId, cancellationToken))
            {
                shown.Add(thread);
            }
        }

        return shown;
    }

    /// <summary>What a command that needs a saved kaart answers where there is none: in a thread, or in the channel.</summary>
    internal static string NoKaart(Activity activity) => IsReplyInThread(activity) ? CasusTexts.NoKaartInThread : CasusTexts.NoKaartHere;

    /// <summary>Where a casus started by this activity lives: its thread, channel, team, tenant and serviceUrl.</summary>
    internal static KaartLocation Location(Activity activity)
    {
        string thread = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        TeamsChannelData? channelData = activity.GetTeamsChannelData();
        return new KaartLocation(
            thread,
            channelData?.Channel?.Id ?? KaartLocation.ChannelOf(thread),
            channelData?.Team?.Id,
            activity.GetTenantId(),
            activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."));
    }

    /// <summary>
    /// Teams addresses a new channel post as "{channel};messageid={the post's own id}"; a reply keeps the id of the
    /// thread's first message, so it differs from the reply's own id.
    /// </summary>
    internal static bool IsReplyInThread(Activity activity)
    {
        string conversationId = activity.Conversation?.Id ?? string.Empty;
        int marker = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return marker >= 0 && !string.Equals(conversationId[(marker + ThreadMarker.Length)..], activity.Id, StringComparison.Ordinal);
    }
}
