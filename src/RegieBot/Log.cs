namespace RegieBot;

internal static partial class Log   // 1xxx inbound turns, 2xxx reminders, 4xxx handlers, 5xxx security and operations, 6xxx privacy (closing, deletion, retention, export), 7xxx outbox, 8xxx personal and channel tab
{
    [LoggerMessage(1001, LogLevel.Debug, "Activity {ActivityType} {ActivityHash} in conversation {ConversationHash} received")]
    public static partial void ActivityReceived(this ILogger logger, string activityType, string activityHash, string conversationHash);

    [LoggerMessage(1002, LogLevel.Information, "Activity {ActivityType} {ActivityHash} was delivered before; not handled again")]
    public static partial void DuplicateActivity(this ILogger logger, string activityType, string activityHash);

    [LoggerMessage(1003, LogLevel.Warning, "Request to /api/messages refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason);

    [LoggerMessage(1004, LogLevel.Error, "Turn {ActivityType} {ActivityHash} failed; the user got an apology")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string activityType, string activityHash);

    [LoggerMessage(1008, LogLevel.Warning, "Turn {ActivityType} {ActivityHash} ran past its deadline; the user was told, a redelivery is handled again")]
    public static partial void TurnTimedOut(this ILogger logger, string activityType, string activityHash);

    [LoggerMessage(1005, LogLevel.Error, "The apology for turn {ActivityHash} could not be sent")]
    public static partial void ApologyFailed(this ILogger logger, Exception exception, string activityHash);

    [LoggerMessage(1007, LogLevel.Warning, "The apology for turn {ActivityHash} is not sent: posting to its conversation just failed")]
    public static partial void ApologySkipped(this ILogger logger, string activityHash);

    [LoggerMessage(1006, LogLevel.Debug, "Activity {ActivityType} ({Name}) is not handled")]
    public static partial void ActivityIgnored(this ILogger logger, string activityType, string? name);

    [LoggerMessage(1012, LogLevel.Information, "Meeting {Event} in the thread of casus {KaartHash}: card posted through the outbox")]
    public static partial void MeetingCardPosted(this ILogger logger, string @event, string kaartHash);

    [LoggerMessage(1013, LogLevel.Debug, "Meeting {Event} outside a casus thread ({Reason}): nothing posted")]
    public static partial void MeetingIgnored(this ILogger logger, string @event, string reason);

    [LoggerMessage(1014, LogLevel.Information, "Meeting {Event} arrived in a {ConversationType} conversation shaped {ConversationShape}")]
    public static partial void MeetingConversation(this ILogger logger, string @event, string conversationType, string conversationShape);

    [LoggerMessage(1010, LogLevel.Debug, "Card submit (Action.Submit fallback) {Verb} answered with {ResponseType}")]
    public static partial void CardSubmitAnswered(this ILogger logger, string verb, string responseType);

    [LoggerMessage(1011, LogLevel.Debug, "Member search answered with {ResultCount} of {RosterCount} members")]
    public static partial void MemberSearchAnswered(this ILogger logger, int resultCount, int rosterCount);

    [LoggerMessage(1015, LogLevel.Information, "Member search answered from the last roster known, if any: Teams did not list the members in time (status {StatusCode})")]
    public static partial void MemberSearchWithoutRoster(this ILogger logger, int? statusCode);

    [LoggerMessage(4001, LogLevel.Information, "Welcome sent in conversation {ConversationHash}")]
    public static partial void WelcomeSent(this ILogger logger, string conversationHash);

    [LoggerMessage(4002, LogLevel.Debug, "Welcome for {ConversationHash} was sent before")]
    public static partial void WelcomeAlreadySent(this ILogger logger, string conversationHash);

    [LoggerMessage(4004, LogLevel.Information, "App removed from {ConversationHash}: a new install is welcomed again")]
    public static partial void WelcomeForgotten(this ILogger logger, string conversationHash);

    [LoggerMessage(4003, LogLevel.Information, "Command {Command} handled")]
    public static partial void CommandHandled(this ILogger logger, string command);

    [LoggerMessage(4010, LogLevel.Information, "Dialog for kaart {KaartHash} started")]
    public static partial void DialogStarted(this ILogger logger, string kaartHash);

    [LoggerMessage(4011, LogLevel.Information, "Dialog for kaart {KaartHash}: {Outcome}, now at {Step}")]
    public static partial void DialogAnswered(this ILogger logger, string kaartHash, string outcome, string step);

    [LoggerMessage(4012, LogLevel.Information, "Kaart {KaartHash} saved as version {Version} with {ProfessionalCount} professionals")]
    public static partial void KaartSaved(this ILogger logger, string kaartHash, int version, int professionalCount);

    [LoggerMessage(4013, LogLevel.Warning, "A card of kaart {KaartHash} could not be updated in place ({StatusCode})")]
    public static partial void StepCardNotUpdated(this ILogger logger, string kaartHash, int statusCode);

    [LoggerMessage(4014, LogLevel.Warning, "The card of kaart {KaartHash} is gone in Teams; posting a fresh one")]
    public static partial void KaartCardLost(this ILogger logger, string kaartHash);

    [LoggerMessage(4020, LogLevel.Information, "Role confirmed on kaart {KaartHash} (new: {Recorded})")]
    public static partial void RoleConfirmed(this ILogger logger, string kaartHash, bool recorded);

    [LoggerMessage(4021, LogLevel.Information, "Confirmation on kaart {KaartHash} refused: not the clicker's own role")]
    public static partial void ConfirmationRefused(this ILogger logger, string kaartHash);

    [LoggerMessage(4022, LogLevel.Information, "Change proposed on kaart {KaartHash}")]
    public static partial void ChangeProposed(this ILogger logger, string kaartHash);

    [LoggerMessage(2001, LogLevel.Error, "Reminder sweep failed; retrying on the next tick")]
    public static partial void ReminderSweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "{Kind} reminder for kaart {KaartHash} sent")]
    public static partial void ReminderSent(this ILogger logger, string kind, string kaartHash);

    [LoggerMessage(2003, LogLevel.Warning, "{Kind} reminder for kaart {KaartHash} not delivered now; retry {Attempt} later")]
    public static partial void ReminderRetryLater(this ILogger logger, string kind, string kaartHash, int attempt);

    [LoggerMessage(2004, LogLevel.Warning, "{Kind} reminder for kaart {KaartHash} is undeliverable (bot removed or thread gone); it stops")]
    public static partial void ReminderUndeliverable(this ILogger logger, string kind, string kaartHash);

    [LoggerMessage(2005, LogLevel.Information, "{Kind} reminder for kaart {KaartHash} no longer needed")]
    public static partial void ReminderObsolete(this ILogger logger, string kind, string kaartHash);

    [LoggerMessage(2007, LogLevel.Information, "{Kind} reminder for kaart {KaartHash} was moved, cancelled or erased while it was sent; the newer state stands")]
    public static partial void ReminderSuperseded(this ILogger logger, string kind, string kaartHash);

    [LoggerMessage(2010, LogLevel.Information, "Evaluation of kaart {KaartHash} answered: {Choice}")]
    public static partial void EvaluationAnswered(this ILogger logger, string kaartHash, string choice);

    [LoggerMessage(2011, LogLevel.Information, "Kaart {KaartHash} escalated")]
    public static partial void Escalated(this ILogger logger, string kaartHash);

    [LoggerMessage(2012, LogLevel.Information, "Evaluation of kaart {KaartHash} posted on request")]
    public static partial void EvaluationPostedNow(this ILogger logger, string kaartHash);

    [LoggerMessage(2013, LogLevel.Information, "Dispatch outside Dutch working hours: {Count} due reminders wait until {NextWorkingMoment}")]
    public static partial void RemindersWaitForWorkingHours(this ILogger logger, int count, DateTimeOffset nextWorkingMoment);

    [LoggerMessage(2006, LogLevel.Critical, "Teams refused the bot's credentials (401) for the {Kind} reminder of {KaartHash}; it is retried, check the bot's app registration or managed identity")]
    public static partial void ReminderUnauthorized(this ILogger logger, string kind, string kaartHash);

    [LoggerMessage(2014, LogLevel.Warning, "Evaluation reminder of kaart {KaartHash} was lost; scheduled again")]
    public static partial void ReminderRepaired(this ILogger logger, string kaartHash);

    [LoggerMessage(2015, LogLevel.Information, "Reminder audit: {KaartCount} active kaarten checked, {Repaired} repaired")]
    public static partial void ReminderAuditDone(this ILogger logger, int kaartCount, int repaired);

    [LoggerMessage(2016, LogLevel.Error, "Reminder audit failed; retrying on the next run")]
    public static partial void ReminderAuditFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2020, LogLevel.Information, "Membership of a {Scope} changed (+{Added}/-{Removed}); {Notices} notices posted")]
    public static partial void MembershipNotices(this ILogger logger, string scope, int added, int removed, int notices);

    [LoggerMessage(2021, LogLevel.Information, "App removed from a {Scope}: reminders of {KaartCount} kaarten stopped")]
    public static partial void RemindersPaused(this ILogger logger, string scope, int kaartCount);

    [LoggerMessage(2022, LogLevel.Information, "App added to a {Scope} again: reminders of {KaartCount} kaarten resumed")]
    public static partial void RemindersResumed(this ILogger logger, string scope, int kaartCount);

    [LoggerMessage(2023, LogLevel.Warning, "App removed from a channel: the notice in the team's General channel could not be posted")]
    public static partial void ChannelRemovalNoticeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5001, LogLevel.Warning, "Activity {ActivityType} from tenant {TenantHash} refused with 403: the tenant is not in RegieBot:Security:AllowedTenantIds")]
    public static partial void TenantRefused(this ILogger logger, string tenantHash, string activityType);

    [LoggerMessage(5003, LogLevel.Warning, "Card action {Verb} on kaart {KaartHash} refused: {Reason}")]
    public static partial void CardActionRefused(this ILogger logger, string verb, string kaartHash, string reason);

    [LoggerMessage(5010, LogLevel.Critical, "{Variable} is not valid: it must be {ExpectedForm}. RegieBot does not start.")]
    public static partial void DurationSettingInvalid(this ILogger logger, string variable, string expectedForm);

    [LoggerMessage(5002, LogLevel.Information, "Tenant allow-list: {TenantCount} tenant(s); every tenant: {AllowsEveryTenant}")]
    public static partial void TenantAllowListActive(this ILogger logger, int tenantCount, bool allowsEveryTenant);

    [LoggerMessage(4023, LogLevel.Information, "Client version of kaart {KaartHash} posted")]
    public static partial void ClientVersionPosted(this ILogger logger, string kaartHash);

    [LoggerMessage(6001, LogLevel.Information, "Kaart {KaartHash} closed ({Criterium})")]
    public static partial void KaartClosed(this ILogger logger, string kaartHash, string criterium);

    [LoggerMessage(6010, LogLevel.Information, "Casus {KaartHash} erased: {RecordCount} records in {EraserCount} stores, {MessageCount} messages in Teams replaced")]
    public static partial void CasusErased(this ILogger logger, string kaartHash, int recordCount, int messageCount, int eraserCount);

    [LoggerMessage(6015, LogLevel.Information, "Casus {KaartHash} had rows written during its erasure: pass {Pass} erases them ({MessageCount} messages)")]
    public static partial void CasusErasedAgain(this ILogger logger, string kaartHash, int pass, int messageCount);

    [LoggerMessage(6011, LogLevel.Warning, "A message of casus {KaartHash} could not be replaced in Teams ({StatusCode}); its data is erased regardless")]
    public static partial void CasusMessageNotReplaced(this ILogger logger, string kaartHash, int statusCode);

    [LoggerMessage(6024, LogLevel.Warning, "Teams did not take the replacement of casus {KaartHash}'s messages now ({StatusCode}); {Replaced} replaced, {Left} left for the retry")]
    public static partial void CasusMessagesReplaceLater(this ILogger logger, string kaartHash, int statusCode, int replaced, int left);

    [LoggerMessage(6012, LogLevel.Information, "Casus {KaartHash} deleted on request; the erasure follows its tombstone")]
    public static partial void CasusDeleted(this ILogger logger, string kaartHash);

    [LoggerMessage(6013, LogLevel.Information, "Deleting casus {KaartHash} refused: {Reason}")]
    public static partial void DeletionRefused(this ILogger logger, string kaartHash, string reason);

    [LoggerMessage(6014, LogLevel.Information, "Cancelled new kaart {KaartHash} erased")]
    public static partial void CancelledKaartErased(this ILogger logger, string kaartHash);

    [LoggerMessage(6020, LogLevel.Information, "Retention: {CaseCount} closed cases erased")]
    public static partial void RetentionSwept(this ILogger logger, int caseCount);

    [LoggerMessage(6021, LogLevel.Information, "Retention entry of kaart {KaartHash} was stale (not closed, or due later); removed")]
    public static partial void RetentionEntryStale(this ILogger logger, string kaartHash);

    [LoggerMessage(6022, LogLevel.Error, "Retention: erasing casus {KaartHash} failed; retrying on the next sweep")]
    public static partial void RetentionEraseFailed(this ILogger logger, Exception exception, string kaartHash);

    [LoggerMessage(6023, LogLevel.Error, "Retention sweep failed; retrying on the next tick")]
    public static partial void RetentionSweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6030, LogLevel.Information, "Casus {KaartHash} exported: {VersionCount} versions in {CardCount} cards")]
    public static partial void CasusExported(this ILogger logger, string kaartHash, int versionCount, int cardCount);

    [LoggerMessage(7001, LogLevel.Warning, "Outbox work of kaart {KaartHash} failed (attempt {Attempt}); the sweep tries again")]
    public static partial void OutboxWorkFailed(this ILogger logger, Exception exception, string kaartHash, int attempt);

    [LoggerMessage(7006, LogLevel.Warning, "Outbox work of kaart {KaartHash} stopped: its lease was taken over or could not be renewed in time; whoever holds it finishes")]
    public static partial void OutboxLeaseLost(this ILogger logger, string kaartHash);

    [LoggerMessage(7007, LogLevel.Warning, "Outbox lease of kaart {KaartHash} not renewed; tried again while it lasts")]
    public static partial void OutboxLeaseNotRenewed(this ILogger logger, Exception exception, string kaartHash);

    [LoggerMessage(7002, LogLevel.Debug, "Outbox of kaart {KaartHash}: {Count} effects applied")]
    public static partial void OutboxApplied(this ILogger logger, string kaartHash, int count);

    [LoggerMessage(7003, LogLevel.Information, "Outbox sweep finished the work of {Count} kaarten left by an earlier attempt")]
    public static partial void OutboxSwept(this ILogger logger, int count);

    [LoggerMessage(7004, LogLevel.Error, "Outbox sweep failed; the next one tries again")]
    public static partial void OutboxSweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(7005, LogLevel.Warning, "The kaart card of {KaartHash} cannot be shown in its thread ({StatusCode}); given up")]
    public static partial void OutboxCardUndeliverable(this ILogger logger, string kaartHash, int statusCode);

    [LoggerMessage(8001, LogLevel.Information, "Team and channel names for the tab unavailable ({Reason}); the kaarten are shown without them")]
    public static partial void TeamPlacesUnavailable(this ILogger logger, string reason);

    [LoggerMessage(8002, LogLevel.Warning, "The roster of channel {ChannelHash} is unavailable ({Reason}); its channel tab shows nothing")]
    public static partial void ChannelRosterUnavailable(this ILogger logger, string channelHash, string reason);

    [LoggerMessage(8003, LogLevel.Information, "Confirmation asked from the channel tab for kaart {KaartHash} ({Count} professionals)")]
    public static partial void ConfirmationRequested(this ILogger logger, string kaartHash, int count);
}
