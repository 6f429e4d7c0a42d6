using System.Collections.Concurrent;
using RegieBot.Domain.Dialogs;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>
/// The members an activity's conversation can pick from, keyed by Entra object id: the members of its channel (a
/// standard channel's are the team's; a shared channel's may come from other tenants), or of its chat. A roster is
/// kept briefly per channel or chat, so that paging through a large team happens once
/// for a dialog's clicks and a typeahead's searches, not on every one; concurrent requests share one fetch. Once it is
/// older than <see cref="RefreshAfter"/> it is fetched again in the background, and until that fetch is done (or when
/// it fails) the roster known before is used while it is at most <see cref="KeptFor"/> old: only the first fetch of a
/// channel makes a click wait for Teams, and an older roster is not trusted (the gate refuses).
/// A click waits for that fetch at most <see cref="ClickWait"/> (Teams may be throttling the channel for many seconds,
/// and gives up on an invoke after about 15): then <see cref="RosterUnavailableException"/>, while the fetch goes on
/// in the background for the next click.
/// </summary>
internal sealed class ChannelMembers(IConnectorClient connector, TimeProvider time)
{
    /// <summary>The oldest roster the gate trusts: someone removed from the channel is let in no longer than this.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    /// <summary>From this age on a roster is fetched again in the background, so a fresh one is there before it is too old.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    /// <summary>How long a click waits for a roster Teams has not given yet: its answer must come within a second.</summary>
    public static readonly TimeSpan ClickWait = TimeSpan.FromMilliseconds(800);
    private const int MaxRosters = 256;

    private readonly ConcurrentDictionary<string, Cached> _rosters = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<TeamMember>> ListAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        return await ListAsync(serviceUrl, RosterOf(activity), cancellationToken);
    }

    /// <summary>The members of channel (or chat) <paramref name="roster"/>, as for an activity from it (the channel tab).</summary>
    public async Task<IReadOnlyList<TeamMember>> ListAsync(string serviceUrl, string roster, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(roster);
        DateTimeOffset now = time.GetUtcNow();
        if (!_rosters.TryGetValue(roster, out Cached? cached) || cached.Until <= now || cached.Members.IsFaulted || cached.Members.IsCanceled)
        {
            if (_rosters.Count >= MaxRosters)
            {
                _rosters.Clear();   // bounded: start afresh rather than grow with every team ever seen
            }

            (IReadOnlyList<TeamMember>? known, DateTimeOffset knownUntil) = cached?.Members.IsCompletedSuccessfully == true
                ? (cached.Members.Result, cached.Until - RefreshAfter + KeptFor)
                : (cached?.Previous, cached?.PreviousUntil ?? now);
            Cached fresh = new(FetchAsync(serviceUrl, roster), now + RefreshAfter, known, knownUntil);
            cached = _rosters.AddOrUpdate(roster, fresh, (_, old) => old == cached ? fresh : old);
        }

        if (!cached.Members.IsCompletedSuccessfully && cached.Previous is { } previous && now < cached.PreviousUntil)
        {
            return previous;   // being fetched again (or that failed): the roster as it was a moment ago
        }

        try
        {
            return await cached.Members.WaitAsync(ClickWait, time, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new RosterUnavailableException("Teams did not list the conversation's members in time.", ex);   // still on its way: the next click finds it
        }
    }

    /// <summary>
    /// The last roster Teams gave for the activity's conversation, however old; null when none is known. Only for what
    /// a stale list cannot misuse (the typeahead's suggestions, which a step checks again), never for the gate.
    /// </summary>
    public IReadOnlyList<TeamMember>? LastKnown(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _rosters.TryGetValue(RosterOf(activity), out Cached? cached)
            ? cached.Members.IsCompletedSuccessfully ? cached.Members.Result : cached.Previous
            : null;
    }

    /// <summary>
    /// The conversation whose members are listed: always the activity's own channel (or chat), never the team. For a
    /// standard channel the Bot Connector answers with the team's roster; for a private or shared channel with the
    /// channel's own members. Nothing documents that Teams always says in <c>channelData.channel.type</c> which kind a
    /// channel is, so the kind is not asked.
    /// </summary>
    internal static string RosterOf(Activity activity) =>
        activity.GetTeamsChannelData()?.Channel?.Id
        ?? Domain.Kaarten.KaartLocation.ChannelOf(activity.Conversation?.Id ?? string.Empty);

    private async Task<IReadOnlyList<TeamMember>> FetchAsync(string serviceUrl, string roster)
    {
        // Not the caller's token: other callers may be waiting for the same roster.
        IReadOnlyList<TeamsChannelAccount> accounts = await connector.GetMembersAsync(serviceUrl, roster, CancellationToken.None);
        return [.. accounts
            .Where(a => !string.IsNullOrEmpty(a.AadObjectId) && !string.IsNullOrEmpty(a.Id))
            .Select(a => new TeamMember(a.AadObjectId!, a.Id!, string.IsNullOrWhiteSpace(a.Name) ? Texts.UnnamedMember : a.Name!))];
    }

    /// <param name="Previous">The roster fetched before this one, used while this one is on its way (until <paramref name="PreviousUntil"/>).</param>
    private sealed record Cached(Task<IReadOnlyList<TeamMember>> Members, DateTimeOffset Until, IReadOnlyList<TeamMember>? Previous, DateTimeOffset PreviousUntil);
}
