using System.Net;
using System.Text;
using System.Text.Json;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Teams;

public static class ActivityExtensions
{
    /// <summary>
    /// Reads Teams' channelData; null when absent, not an object, or not in Teams' shape (e.g. a <c>tenant</c> that is
    /// a string): the body is the sender's, and every caller treats "no channelData" as the safe case.
    /// </summary>
    public static TeamsChannelData? GetTeamsChannelData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        try
        {
            return data.Deserialize(ProtocolJsonContext.Default.TeamsChannelData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tenant id from channelData, falling back to the conversation.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.GetTeamsChannelData()?.Tenant?.Id ?? activity.Conversation?.TenantId;

    public static bool IsChannelConversation(this Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.Ordinal);

    public static bool IsPersonalConversation(this Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.Ordinal);

    /// <summary>True when the bot itself is among <c>membersAdded</c>, i.e. it was just installed here.</summary>
    public static bool BotWasAdded(this Activity activity) => ContainsRecipient(activity, activity.MembersAdded);

    public static bool BotWasRemoved(this Activity activity) => ContainsRecipient(activity, activity.MembersRemoved);

    /// <summary>
    /// The message text with the bot's own mention(s) removed, HTML-decoded and with whitespace collapsed.
    /// Mentions of other users stay in the text.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string text = activity.Text ?? string.Empty;
        string? botId = activity.Recipient?.Id;
        if (botId is not null && activity.Entities is { } entities)
        {
            foreach (Entity entity in entities)
            {
                if (string.Equals(entity.Type, Entity.MentionType, StringComparison.Ordinal)
                    && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal)
                    && !string.IsNullOrEmpty(entity.Text))
                {
                    text = text.Replace(entity.Text, " ", StringComparison.Ordinal);
                }
            }
        }

        return CollapseWhitespace(WebUtility.HtmlDecode(text));
    }

    /// <summary>The mention entities of other users than the bot, as Teams sent them.</summary>
    public static IReadOnlyList<ChannelAccount> GetMentionedUsers(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string? botId = activity.Recipient?.Id;
        return activity.Entities is null
            ? []
            : [.. activity.Entities
                .Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.Ordinal)
                    && e.Mentioned?.Id is not null
                    && !string.Equals(e.Mentioned.Id, botId, StringComparison.Ordinal))
                .Select(e => e.Mentioned!)];
    }

    private static bool ContainsRecipient(Activity activity, IList<ChannelAccount>? members)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string? botId = activity.Recipient?.Id;
        return botId is not null && members is not null
            && members.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));
    }

    private static string CollapseWhitespace(string text)
    {
        StringBuilder builder = new(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
