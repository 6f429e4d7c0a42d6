namespace RegieBot;

internal static partial class Log   // 1xxx inbound turns, 4xxx handlers, 5xxx privacy (closing, deletion, retention, export)
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

    [LoggerMessage(4010, LogLevel.Information, "Dialog for kaart {KaartHash} started")]
    public static partial void DialogStarted(this ILogger logger, string kaartHash);

    [LoggerMessage(4011, LogLevel.Information, "Dialog for kaart {KaartHash}: {Outcome}, now at {Step}")]
    public static partial void DialogAnswered(this ILogger logger, string kaartHash, string outcome, string step);

    [LoggerMessage(4012, LogLevel.Information, "Kaart {KaartHash} saved as version {Version} with {ProfessionalCount} professionals")]
    public static partial void KaartSaved(this ILogger logger, string kaartHash, int version, int professionalCount);

    [LoggerMessage(4013, LogLevel.Warning, "The step card of kaart {KaartHash} could not be updated ({StatusCode})")]
    public static partial void StepCardNotUpdated(this ILogger logger, string kaartHash, int statusCode);

    [LoggerMessage(4014, LogLevel.Warning, "The card of kaart {KaartHash} is gone in Teams; posting a fresh one")]
    public static partial void KaartCardLost(this ILogger logger, string kaartHash);

    [LoggerMessage(4020, LogLevel.Information, "Role confirmed on kaart {KaartHash} (new: {Recorded})")]
    public static partial void RoleConfirmed(this ILogger logger, string kaartHash, bool recorded);

    [LoggerMessage(4021, LogLevel.Information, "Confirmation on kaart {KaartHash} refused: not the clicker's own role")]
    public static partial void ConfirmationRefused(this ILogger logger, string kaartHash);

    [LoggerMessage(4022, LogLevel.Information, "Change proposed on kaart {KaartHash}")]
    public static partial void ChangeProposed(this ILogger logger, string kaartHash);

    [LoggerMessage(4023, LogLevel.Information, "Client version of kaart {KaartHash} posted")]
    public static partial void ClientVersionPosted(this ILogger logger, string kaartHash);

    [LoggerMessage(5001, LogLevel.Information, "Kaart {KaartHash} closed ({Criterium})")]
    public static partial void KaartClosed(this ILogger logger, string kaartHash, string criterium);

    [LoggerMessage(5010, LogLevel.Information, "Casus {KaartHash} erased: {RecordCount} records in {EraserCount} stores, {MessageCount} messages in Teams replaced")]
    public static partial void CasusErased(this ILogger logger, string kaartHash, int recordCount, int messageCount, int eraserCount);

    [LoggerMessage(5011, LogLevel.Warning, "A message of casus {KaartHash} could not be replaced in Teams ({StatusCode}); its data is erased regardless")]
    public static partial void CasusMessageNotReplaced(this ILogger logger, string kaartHash, int statusCode);

    [LoggerMessage(5012, LogLevel.Information, "Casus {KaartHash} deleted on request ({RecordCount} records)")]
    public static partial void CasusDeleted(this ILogger logger, string kaartHash, int recordCount);

    [LoggerMessage(5013, LogLevel.Information, "Deleting casus {KaartHash} refused: {Reason}")]
    public static partial void DeletionRefused(this ILogger logger, string kaartHash, string reason);

    [LoggerMessage(5014, LogLevel.Information, "Cancelled new kaart {KaartHash} erased")]
    public static partial void CancelledKaartErased(this ILogger logger, string kaartHash);

    [LoggerMessage(5020, LogLevel.Information, "Retention: {CaseCount} closed cases erased")]
    public static partial void RetentionSwept(this ILogger logger, int caseCount);

    [LoggerMessage(5021, LogLevel.Information, "Retention entry of kaart {KaartHash} was stale (not closed, or due later); removed")]
    public static partial void RetentionEntryStale(this ILogger logger, string kaartHash);

    [LoggerMessage(5022, LogLevel.Error, "Retention: erasing casus {KaartHash} failed; retrying on the next sweep")]
    public static partial void RetentionEraseFailed(this ILogger logger, Exception exception, string kaartHash);

    [LoggerMessage(5023, LogLevel.Error, "Retention sweep failed; retrying on the next tick")]
    public static partial void RetentionSweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5030, LogLevel.Information, "Casus {KaartHash} exported: {VersionCount} versions in {CardCount} cards")]
    public static partial void CasusExported(this ILogger logger, string kaartHash, int versionCount, int cardCount);
}
