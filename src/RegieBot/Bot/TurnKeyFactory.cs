using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// Derives the <see cref="TurnKeys"/> of an activity. The content key covers what the activity says and the
/// channel's timestamp of it: Teams' redelivery of the same activity (even with a new id) carries the same
/// content and timestamp, while a user typing the same command again is a new turn.
/// </summary>
internal static class TurnKeyFactory
{
    public static TurnKeys Create(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string conversation = activity.Conversation?.Id ?? string.Empty;
        string partition = TurnKeys.PartitionOf(conversation);
        string? byId = activity.Id is { Length: > 0 } id ? Hash(conversation, "id", id) : null;
        string byContent = Hash(
            conversation,
            activity.Type,
            activity.Name,
            activity.From?.Id,
            activity.ReplyToId,
            activity.Text,
            activity.Value?.GetRawText(),
            activity.Timestamp?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            activity.Timestamp is null ? activity.Id : null);
        return new TurnKeys(partition, byId, byContent);
    }

    /// <summary>
    /// Keys for something done once per conversation or team, whatever turn does it (e.g. the welcome). Both keys are
    /// set: the ledger lets a content key be claimed again after its short redelivery window, never an id key, so the
    /// claim holds until it is abandoned.
    /// </summary>
    public static TurnKeys Once(string scopeId, string what) =>
        new(TurnKeys.PartitionOf(scopeId), Hash(scopeId, "once-id", what), Hash(scopeId, "once", what));

    /// <summary>A short hash for log lines: correlates without revealing the id.</summary>
    public static string ForLog(string? value) => value is null ? "-" : Hash(value)[..12];

    private static string Hash(params string?[] parts)
    {
        StringBuilder builder = new();
        foreach (string? part in parts)
        {
            // Length-prefixed, so ("ab","c") and ("a","bc") differ.
            builder.Append(part?.Length ?? -1).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
