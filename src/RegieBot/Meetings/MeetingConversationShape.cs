using RegieBot.Bot;

namespace RegieBot.Meetings;

/// <summary>
/// The form of a meeting event's conversation id with its identifying parts hashed, e.g.
/// <c>19:#a1b2c3d4e5f6@thread.tacv2;messageid=#…</c> (a channel thread) or <c>19:meeting_#…@thread.v2</c> (a meeting's
/// own chat): enough to see in a log where Teams delivers a channel meeting's events, without an id in clear.
/// </summary>
internal static class MeetingConversationShape
{
    private const string MessageId = ";messageid=";
    private const string MeetingChat = "meeting_";

    /// <summary>The conversationType as Teams names it, or "other": the activity's text is the sender's, not ours to log.</summary>
    public static string TypeOf(string? conversationType) => conversationType switch
    {
        null => "-",
        "channel" or "groupChat" or "personal" => conversationType,
        _ => "other",
    };

    public static string Of(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return "-";
        }

        int message = conversationId.IndexOf(MessageId, StringComparison.Ordinal);
        string conversation = message < 0 ? conversationId : conversationId[..message];
        string shape = Conversation(conversation);
        return message < 0 ? shape : $"{shape}{MessageId}#{TurnKeyFactory.ForLog(conversationId[(message + MessageId.Length)..])}";
    }

    private static string Conversation(string id)
    {
        int colon = id.IndexOf(':', StringComparison.Ordinal);
        string prefix = colon < 0 ? string.Empty : id[..(colon + 1)];
        string body = id[prefix.Length..];
        int at = body.IndexOf('@', StringComparison.Ordinal);
        string suffix = at < 0 ? string.Empty : body[at..];
        string name = at < 0 ? body : body[..at];
        string kind = name.StartsWith(MeetingChat, StringComparison.Ordinal) ? MeetingChat : string.Empty;
        return $"{prefix}{kind}#{TurnKeyFactory.ForLog(name[kind.Length..])}{suffix}";
    }
}
