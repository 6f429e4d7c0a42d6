using RegieBot.Domain.Dialog;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>The members of the team (or chat) an activity came from, keyed by Entra object id.</summary>
internal sealed class ChannelMembers(IConnectorClient connector)
{
    public async Task<IReadOnlyList<TeamMember>> ListAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        string roster = activity.GetTeamsChannelData()?.Team?.Id
            ?? Domain.Kaarten.KaartLocation.ChannelOf(activity.Conversation?.Id ?? string.Empty);
        IReadOnlyList<TeamsChannelAccount> accounts = await connector.GetMembersAsync(serviceUrl, roster, cancellationToken);
        return [.. accounts
            .Where(a => !string.IsNullOrEmpty(a.AadObjectId) && !string.IsNullOrEmpty(a.Id))
            .Select(a => new TeamMember(a.AadObjectId!, a.Id!, string.IsNullOrWhiteSpace(a.Name) ? "Onbekende collega" : a.Name!))];
    }
}
