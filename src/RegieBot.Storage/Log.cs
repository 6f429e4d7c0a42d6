using Microsoft.Extensions.Logging;

namespace RegieBot.Storage;

internal static partial class Log   // 3xxx storage
{
    [LoggerMessage(3001, LogLevel.Information, "Storage tables ready ({TableCount})")]
    public static partial void TablesReady(this ILogger logger, int tableCount);

    [LoggerMessage(3002, LogLevel.Critical, "Storage tables could not be created; is the storage account reachable?")]
    public static partial void TablesUnreachable(this ILogger logger, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "Storage health check failed: {ExceptionType} (status {Status})")]
    public static partial void StorageHealthCheckFailed(this ILogger logger, string exceptionType, int? status);

    [LoggerMessage(3010, LogLevel.Debug, "Conversation reference {ConversationHash} stored (new: {IsNew})")]
    public static partial void ConversationReferenceStored(this ILogger logger, string conversationHash, bool isNew);

    [LoggerMessage(3011, LogLevel.Debug, "Conversation reference {ConversationHash} was stored by another instance at the same moment")]
    public static partial void ConversationReferenceConflict(this ILogger logger, string conversationHash);
}
