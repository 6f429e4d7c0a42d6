using System.Collections;
using RegieBot.Bot;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// The logging scope of one request to /api/messages: hashes of the activity id, the conversation id and the tenant,
/// so every log line of a turn can be correlated (also across instances) without revealing any id.
/// </summary>
internal sealed class TurnLogScope(string activityIdHash, string conversationHash, string tenantHash) : IReadOnlyList<KeyValuePair<string, object>>
{
    private readonly KeyValuePair<string, object>[] _values =
    [
        new("ActivityIdHash", activityIdHash),
        new("ConversationHash", conversationHash),
        new("TenantHash", tenantHash),
    ];

    public int Count => _values.Length;

    public KeyValuePair<string, object> this[int index] => _values[index];

    public static TurnLogScope For(Activity activity, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(TurnKeyFactory.ForLog(activity.Id), TurnKeyFactory.ForLog(activity.Conversation?.Id), TurnKeyFactory.ForLog(tenantId));
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"activity {activityIdHash} conversation {conversationHash} tenant {tenantHash}";
}
