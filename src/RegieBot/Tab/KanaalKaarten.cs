using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
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
/// an unknown channel and a channel without kaarten get the same answer (null: 404). Storage: one index query for the
/// channel, then per kaart its snapshot (one partition query) and, in parallel, its tombstone, versions, escalations and
/// evaluation reminder. The one thing the tab writes is the moment of the last "Vraag om bevestiging", with its post, in
/// one commit in the kaart's partition.
/// </summary>
internal sealed class KanaalKaarten(
    IKaartStore store,
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

        IReadOnlyList<ThreadKaart> threads = await store.ListByChannelAsync(channelId, cancellationToken);
        KaartSnapshot?[] snapshots = await Task.WhenAll(threads
            .Where(t => t.Saved)
            .Select(t => t.KaartId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => reader.SnapshotAsync(id, cancellationToken)));
        KaartSnapshot[] own = [.. snapshots.OfType<KaartSnapshot>()
            .Where(s => string.Equals(KaartLocation.ChannelOf(s.Kaart.Location.ThreadId), channelId, StringComparison.Ordinal))];
        if (own.Length == 0 || await RosterAsync(channelId, own[0].Kaart.Location, cancellationToken) is not { } roster
            || !roster.Any(m => string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        TabKaart?[] read = await Task.WhenAll(own.Select(s => reader.ReadAsync(s, [], cancellationToken, withVersions: false)));
        HashSet<string> present = new(roster.Select(m => m.AadObjectId), StringComparer.OrdinalIgnoreCase);
        return new ChannelOverview(ChannelKaart.Ordered(read.OfType<TabKaart>().Select(k => new ChannelKaart(k, present, reader.Now))));
    }

    /// <summary>"Vraag om bevestiging": one card in the kaart's thread that @mentions who has not confirmed, at most once a day.</summary>
    public async Task<ConfirmationAsk> AskConfirmationAsync(string channelId, string kaartId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (await GetAsync(channelId, aadObjectId, cancellationToken) is not { } overview
            || overview.Rows.FirstOrDefault(k => k.Kaart.Id == kaartId) is not { } row)
        {
            return ConfirmationAsk.NotFound;
        }

        KaartSnapshot snapshot = row.Tab.Snapshot;
        Professional[] unconfirmed = [.. row.Unconfirmed.Where(p => p.TeamsUserId is not null)];
        if (row.Tab.Closed || unconfirmed.Length == 0)
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

    /// <summary>The channel's live roster; null when Teams cannot tell (then nobody sees anything).</summary>
    private async Task<IReadOnlyList<TeamMember>?> RosterAsync(string channelId, KaartLocation location, CancellationToken cancellationToken)
    {
        try
        {
            string serviceUrl = await serviceUrls.LatestAsync(location.ThreadId, location.ServiceUrl, cancellationToken);
            return await members.ListAsync(serviceUrl, channelId, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            logger.ChannelRosterUnavailable(TurnKeyFactory.ForLog(channelId), ex.GetType().Name);
            return null;
        }
    }
}
