namespace RegieBot;

internal static partial class Log   // 1xxx inbound turns, 4xxx handlers
{
    [LoggerMessage(1001, LogLevel.Debug, "Activity {ActivityType} {ActivityHash} in conversation {ConversationHash} received")]
    public static partial void ActivityReceived(this ILogger logger, string activityType, string activityHash, string conversationHash);

    [LoggerMessage(1002, LogLevel.Information, "Activity {ActivityType} {ActivityHash} was delivered before; not handled again")]
    public static partial void DuplicateActivity(this ILogger logger, string activityType, string activityHash);

    [LoggerMessage(1003, LogLevel.Warning, "Request to /api/messages refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason);

    [LoggerMessage(1004, LogLevel.Error, "Turn {ActivityType} {ActivityHash} failed; the user got an apology")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string activityType, string activityHash);

    [LoggerMessage(1005, LogLevel.Error, "The apology for turn {ActivityHash} could not be sent")]
    public static partial void ApologyFailed(this ILogger logger, Exception exception, string activityHash);

    [LoggerMessage(1006, LogLevel.Debug, "Activity {ActivityType} ({Name}) is not handled")]
    public static partial void ActivityIgnored(this ILogger logger, string activityType, string? name);

    [LoggerMessage(4001, LogLevel.Information, "Welcome sent in conversation {ConversationHash}")]
    public static partial void WelcomeSent(this ILogger logger, string conversationHash);

    [LoggerMessage(4002, LogLevel.Debug, "Welcome for {ConversationHash} was sent before")]
    public static partial void WelcomeAlreadySent(this ILogger logger, string conversationHash);

    [LoggerMessage(4003, LogLevel.Information, "Command {Command} handled")]
    public static partial void CommandHandled(this ILogger logger, string command);
}
