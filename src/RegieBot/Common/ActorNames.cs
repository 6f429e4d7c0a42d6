using System.Collections.Concurrent;
using RegieBot.Bot;
using RegieBot.Domain;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Common;

/// <summary>
/// The Teams names of who did something on a kaart (stored only as their Entra or Teams id), read from the team's
/// roster when they are shown and kept in memory for a short while: never stored. Someone no longer in the team is
/// named with a neutral word.
/// </summary>
internal sealed class ActorNames(ChannelMembers members, TimeProvider time)
{
    public const string Departed = "iemand die niet meer in het team zit";
    public const string Unknown = PersonNames.Unknown;

    /// <summary>Who did something, as stored: the Entra object id, else the Teams id.</summary>
    internal static string Actor(Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown";

    /// <summary>How a card names someone: see <see cref="PersonNames.Of"/>.</summary>
    internal static string Who(Kaart kaart, string? aadObjectId, string? teamsName) =>
        PersonNames.Of(kaart.Content, aadObjectId, teamsName);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private const int MaxRosters = 256;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<string, string> Names)> _rosters = new(StringComparer.Ordinal);

    /// <summary>A function from a stored actor id to the name to show, for the team the activity came from.</summary>
    public async Task<Func<string?, string>> ForAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        IReadOnlyDictionary<string, string>? roster = await RosterAsync(activity, cancellationToken);
        return id => id switch
        {
            null or "" or "unknown" => Unknown,
            Escalation.BotActor => "RegieBot",
            _ when roster is null => Unknown,
            _ => roster.TryGetValue(id, out string? name) ? name : Departed,
        };
    }

    private async Task<IReadOnlyDictionary<string, string>?> RosterAsync(Activity activity, CancellationToken cancellationToken)
    {
        string key = (activity.ServiceUrl ?? string.Empty) + "|" + ChannelMembers.RosterOf(activity);   // the roster's own key: a private channel's names are not the team's
        DateTimeOffset now = time.GetUtcNow();
        if (_rosters.TryGetValue(key, out (DateTimeOffset ReadAt, IReadOnlyDictionary<string, string> Names) cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.Names;
        }

        IReadOnlyList<TeamMember> roster;
        try
        {
            roster = await members.ListAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or RosterUnavailableException)
        {
            return null;   // the names cannot be read now: say "een collega" rather than that they left
        }

        Dictionary<string, string> names = new(StringComparer.Ordinal);
        foreach (TeamMember member in roster)
        {
            names[member.AadObjectId] = member.Name;
            names[member.TeamsUserId] = member.Name;
        }

        if (_rosters.Count >= MaxRosters)
        {
            _rosters.Clear();   // bounded: a busy instance starts afresh rather than growing with every team
        }

        _rosters[key] = (now, names);
        return names;
    }
}
