namespace RegieBot.Protocol.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}
