using Microsoft.Extensions.Caching.Memory;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tab;

/// <summary>Where a kaart lives, as Teams names it; either part may be unknown.</summary>
internal sealed record TeamPlace(string? Team, string? Channel)
{
    /// <summary>"Regieteam Zeeland, kanaal Casusoverleg"; null when Teams told us neither.</summary>
    public string? Text =>
        (Team, Channel) switch
        {
            ({ } team, { } channel) => $"{team}, kanaal {channel}",
            ({ } team, null) => team,
            (null, { } channel) => $"Kanaal {channel}",
            _ => null,
        };
}

/// <summary>
/// Team and channel names for the tab, read at render time from the Bot Connector with the kaart's own serviceUrl
/// and team id (names are not stored). Kept per team for a few minutes in a bounded cache. Teams failing, slow
/// (more than <see cref="Timeout"/> for the whole page) or the bot removed from the team: no names, never an error.
/// The names are never logged.
/// </summary>
internal sealed class TeamPlaces(IConnectorClient connector, ILogger<TeamPlaces> logger) : IDisposable
{
    public const string General = "Algemeen";

    public const int MaxTeams = 1000;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>After a failure Teams is asked again sooner, but not on every page load.</summary>
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxTeams });

    /// <summary>The kaarten with <see cref="TabKaart.Place"/> filled in where Teams could tell; the teams are asked in parallel.</summary>
    public async Task<IReadOnlyList<TabKaart>> WithPlacesAsync(IReadOnlyList<TabKaart> kaarten, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaarten);
        (string ServiceUrl, string TeamId)[] teams = [.. kaarten
            .Select(k => k.Kaart.Location)
            .Where(l => !string.IsNullOrEmpty(l.TeamId) && !string.IsNullOrEmpty(l.ServiceUrl))
            .Select(l => (l.ServiceUrl, l.TeamId!))
            .Distinct()];
        if (teams.Length == 0)
        {
            return kaarten;
        }

        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        Team[] found = await Task.WhenAll(teams.Select(t => TeamAsync(t.ServiceUrl, t.TeamId, timeout.Token, cancellationToken)));
        Dictionary<(string, string), Team> byTeam = teams.Zip(found).ToDictionary(p => p.First, p => p.Second);
        return [.. kaarten.Select(k => byTeam.TryGetValue((k.Kaart.Location.ServiceUrl, k.Kaart.Location.TeamId ?? string.Empty), out Team? team)
            ? k with { Place = team.PlaceOf(k.Kaart.Location) }
            : k)];
    }

    public async Task<TabKaart> WithPlaceAsync(TabKaart kaart, CancellationToken cancellationToken) =>
        (await WithPlacesAsync([kaart], cancellationToken))[0];

    public void Dispose() => _cache.Dispose();

    private async Task<Team> TeamAsync(string serviceUrl, string teamId, CancellationToken timeout, CancellationToken request)
    {
        string key = serviceUrl + "\n" + teamId;
        if (_cache.TryGetValue(key, out Team? cached) && cached is not null)
        {
            return cached;
        }

        Task<string?> name = AskAsync(async () => (await connector.GetTeamDetailsAsync(serviceUrl, teamId, timeout)).Name ?? string.Empty, request);
        Task<IReadOnlyDictionary<string, string>?> channels = AskAsync<IReadOnlyDictionary<string, string>>(
            async () => (await connector.GetChannelsAsync(serviceUrl, teamId, timeout))
                .Where(c => !string.IsNullOrEmpty(c.Id))
                .GroupBy(c => c.Id!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Name is { Length: > 0 } channel ? channel : General, StringComparer.Ordinal),
            request);
        Team team = new(teamId, await name, await channels);
        _cache.Set(key, team, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = team.Complete ? Lifetime : FailureLifetime,
        });
        return team;
    }

    /// <summary>Null when Teams does not answer in time or fails in any way; only the caller giving up is passed on.</summary>
    private async Task<T?> AskAsync<T>(Func<Task<T>> call, CancellationToken request)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!request.IsCancellationRequested)
        {
            logger.TeamPlacesUnavailable(ex.GetType().Name);
            return null;
        }
    }

    private sealed record Team(string TeamId, string? Name, IReadOnlyDictionary<string, string>? Channels)
    {
        public bool Complete => Name is not null && Channels is not null;

        public TeamPlace? PlaceOf(KaartLocation location)
        {
            string channelId = string.IsNullOrEmpty(location.ChannelId) ? KaartLocation.ChannelOf(location.ThreadId) : location.ChannelId;
            string? channel = Channels is not null && Channels.TryGetValue(channelId, out string? known) ? known
                : string.Equals(channelId, TeamId, StringComparison.Ordinal) ? General   // General's id is the team's
                : null;
            TeamPlace place = new(Name is { Length: > 0 } ? Name : null, channel);
            return place.Text is null ? null : place;
        }
    }
}
