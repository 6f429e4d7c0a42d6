using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Outbox;
using RegieBot.Protocol.Connector;

namespace RegieBot.Tab;

/// <summary>What "Vraag om bevestiging" did.</summary>
internal enum ConfirmationAsk
{
    /// <summary>Not a kaart of this channel for this user (or none at all): the same 404 as an unknown one.</summary>
    NotFound,

    /// <summary>The card is on its way, through the outbox.</summary>
    Posted,

    /// <summary>Asked less than a day ago (or at this very moment by someone else): nothing posted.</summary>
    AlreadyToday,

    /// <summary>Every linked professional has confirmed, or the kaart is closed: nobody to ask.</summary>
    NobodyToAsk,
}

/// <summary>
/// The channel tab "Regie in dit kanaal": the kaarten of one channel (its own, also for a private or shared channel),
/// only for a member of that channel. Membership is checked live against the channel's roster through the Bot Connector
/// (<see cref="ChannelMembers"/>, kept briefly), fail closed: a roster that cannot be had shows nothing. A non-member,
/// an unknown channel and a channel without kaarten get the same answer (null: 404). Storage: one query of the channel's
/// thread rows, which carry each kaart's <see cref="ChannelSummary"/> as the outbox keeps it, and beside it one query of
/// the tombstones (erasures under way); only a kaart without a current summary is read itself (its snapshot, tombstone
/// and evaluation reminder). The one thing the tab writes is the moment of the last "Vraag om bevestiging", with its
/// post, in one commit in the kaart's partition.
/// </summary>
internal sealed class KanaalKaarten(
    IKaartStore store,
    IOutboxStore outbox,
    TabKaartReader reader,
    ChannelMembers members,
    ServiceUrls serviceUrls,
    OutboxRelay relay,
    ConfirmationRequestCard card,
    ILogger<KanaalKaarten> logger)
{
    /// <summary>Teams' channel ids are far shorter: longer ones are refused before storage is asked.</summary>
    public const int MaxChannelIdLength = 256;

    /// <summary>At most one "Vraag om bevestiging" per kaart in this time.</summary>
    public static readonly TimeSpan AskEvery = TimeSpan.FromDays(1);

    /// <summary>The channel's kaarten with their signals, attention first; null for anyone but a member of the channel.</summary>
    public async Task<ChannelOverview?> GetAsync(string channelId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || channelId.Length > MaxChannelIdLength || channelId.Contains(";messageid=", StringComparison.Ordinal))
        {
            return null;
        }

        // One query for the channel (its thread rows carry the summaries the outbox keeps) and, beside it, one for the
        // casussen being erased now (normally none); a kaart without a current summary is read itself.
        Task<IReadOnlyList<ThreadKaart>> listing = store.ListByChannelAsync(channelId, cancellationToken);
        Task<IReadOnlySet<string>> erasing = outbox.ListErasingAsync(cancellationToken);
        await Task.WhenAll(listing, erasing);
        IReadOnlySet<string> erased = await erasing;
        ChannelSummary?[] summaries = await Task.WhenAll((await listing)
            .Where(t => t.Saved)
            .DistinctBy(t => t.KaartId, StringComparer.Ordinal)
            .Select(t => t.Summary is { } summary
                ? Task.FromResult<ChannelSummary?>(erased.Contains(t.KaartId) ? null : summary)
                : ReadAsync(t.KaartId, cancellationToken)));
        ChannelSummary[] own = [.. summaries.OfType<ChannelSummary>()
            .Where(s => string.Equals(KaartLocation.ChannelOf(s.ThreadId), channelId, StringComparison.Ordinal))];
        if (own.Length == 0 || await RosterAsync(channelId, own[0].ThreadId, own[0].ServiceUrl, cancellationToken) is not { } roster
            || !roster.Any(m => string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        HashSet<string> present = new(roster.Select(m => m.AadObjectId), StringComparer.OrdinalIgnoreCase);
        return new ChannelOverview(ChannelKaart.Ordered(own.Select(k => new ChannelKaart(k, present, reader.Now, reader.Today))));
    }

    /// <summary>"Vraag om bevestiging": one card in the kaart's thread that @mentions who has not confirmed, at most once a day.</summary>
    public async Task<ConfirmationAsk> AskConfirmationAsync(string channelId, string kaartId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (await GetAsync(channelId, aadObjectId, cancellationToken) is not { } overview
            || !overview.Rows.Any(k => k.Summary.KaartId == kaartId)
            || await reader.SnapshotAsync(kaartId, cancellationToken) is not { } snapshot)
        {
            return ConfirmationAsk.NotFound;
        }

        // The kaart itself (one partition query): the card names whom it asks, and the request is conditional on the last.
        Professional[] unconfirmed = [.. snapshot.State.Unconfirmed.Where(p => p.TeamsUserId is not null)];
        if (snapshot.Kaart.Status == KaartStatus.Afgesloten || unconfirmed.Length == 0)
        {
            return ConfirmationAsk.NobodyToAsk;
        }

        DateTimeOffset now = reader.Now;
        if (snapshot.ConfirmationRequest is { } last && now - last.At < AskEvery)
        {
            return ConfirmationAsk.AlreadyToday;
        }

        string json = card.Build(snapshot.Kaart, unconfirmed).ToJsonString();
        ConfirmationRequest asked = new(now) { ETag = snapshot.ConfirmationRequest?.ETag };
        try
        {
            await relay.CommitAsync(
                kaartId, token => new KaartCommit(kaartId, token, [OutboxItem.Post(token, json)]) { ConfirmationRequest = asked }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return ConfirmationAsk.AlreadyToday;   // another click (here or on another instance) asked first
        }

        logger.ConfirmationRequested(TurnKeyFactory.ForLog(kaartId), unconfirmed.Length);
        return ConfirmationAsk.Posted;
    }

    /// <summary>
    /// A kaart whose thread row has no current summary (written before the summary existed, or too large for one): read
    /// as before this summary, its snapshot, tombstone and evaluation reminder. Null when it is gone or being erased.
    /// </summary>
    private async Task<ChannelSummary?> ReadAsync(string kaartId, CancellationToken cancellationToken) =>
        await reader.SnapshotAsync(kaartId, cancellationToken) is { } snapshot
        && await reader.ReadAsync(snapshot, [], cancellationToken, withVersions: false) is { } tab
            ? ChannelSummary.Of(snapshot, tab.Evaluation is { Status: ReminderStatus.Sent, SentAt: { } sent } ? sent : null)
            : null;

    /// <summary>The channel's live roster; null when Teams cannot tell (then nobody sees anything).</summary>
    private async Task<IReadOnlyList<TeamMember>?> RosterAsync(string channelId, string threadId, string recordedServiceUrl, CancellationToken cancellationToken)
    {
        try
        {
            string serviceUrl = await serviceUrls.LatestAsync(threadId, recordedServiceUrl, cancellationToken);
            return await members.ListAsync(serviceUrl, channelId, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            logger.ChannelRosterUnavailable(TurnKeyFactory.ForLog(channelId), ex.GetType().Name);
            return null;
        }
    }
}
