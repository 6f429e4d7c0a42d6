using RegieBot.Domain.Conversations;
using RegieBot.Domain.Turns;
using RegieBot.Operations;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>
/// Runs one authenticated activity: handles a redelivered
/// activity once (through the turn ledger, or by the handler itself for the clicks of
/// <see cref="CardVerbs.IsIdempotentByItself"/>), routes it, and turns failures into a short Dutch apology (never a stack trace). Each turn is a
/// <c>regiebot.turn</c> span and is counted in <c>regiebot.turns</c> and <c>regiebot.turn.duration</c>. The stored
/// conversation reference (the latest serviceUrl, for proactive posts) is refreshed after the turn, in the background:
/// it is a hint that every later turn writes again (a post falls back to the serviceUrl it recorded), so it costs the
/// request path nothing and a crash before it is written loses nothing.
/// </summary>
internal sealed class TurnPipeline(
    ActivityRouter router,
    CardVerbs verbs,
    ITurnLedger ledger,
    ServiceUrls serviceUrls,
    IAfterTurn afterTurn,
    IConnectorClient connector,
    RegieTelemetry telemetry,
    TimeProvider time,
    ILogger<TurnPipeline> logger)
{
    public const string OutcomeHandled = "handled";
    public const string OutcomeDuplicate = "duplicate";
    public const string OutcomeFailed = "failed";
    public const string OutcomeError = "error";

    /// <summary>How long the apology for a failed turn may take: Teams itself may be what failed.</summary>
    private static readonly TimeSpan ApologyTimeout = TimeSpan.FromSeconds(10);

    public async Task<InvokeResponse?> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        long started = time.GetTimestamp();
        string activityType = RegieTelemetry.ActivityTypeTag(activity.Type);
        using System.Diagnostics.Activity? span = RegieTelemetry.Source.StartActivity("regiebot.turn");
        span?.SetTag("regiebot.activity.type", activityType);
        span?.SetTag("regiebot.conversation.hash", TurnKeyFactory.ForLog(activity.Conversation?.Id));
        string outcome = OutcomeError;
        try
        {
            (InvokeResponse? response, outcome) = await RunCoreAsync(activity, cancellationToken);
            return response;
        }
        finally
        {
            span?.SetTag("regiebot.outcome", outcome);
            if (outcome is OutcomeFailed or OutcomeError)
            {
                span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            }

            telemetry.RecordTurn(activityType, outcome, time.GetElapsedTime(started));
        }
    }

    private async Task<(InvokeResponse? Response, string Outcome)> RunCoreAsync(Activity activity, CancellationToken cancellationToken)
    {
        TurnKeys keys = TurnKeyFactory.Create(activity);
        string activityHash = keys.ByContent[..12];
        logger.ActivityReceived(activity.Type, activityHash, TurnKeyFactory.ForLog(activity.Conversation?.Id));

        TurnContext turn = new(activity, keys, connector);
        try
        {
            bool ledgered = !verbs.IsIdempotentByItself(turn) && !MemberSearchHandler.IsSearch(activity);
            if (ledgered && !await ledger.TryBeginAsync(keys, cancellationToken))
            {
                logger.DuplicateActivity(activity.Type, activityHash);
                RefreshReferenceAfterTurn(activity);
                return (activity.Type == ActivityTypes.Invoke ? InvokeResponse.Message(Texts.AlreadyHandled) : null, OutcomeDuplicate);
            }

            try
            {
                return await RouteAsync(turn, ledgered, activityHash, cancellationToken);
            }
            finally
            {
                // Not after a turn that erases its thread's casus: the reference would outlive the erasure.
                if (!turn.ErasesItsCasus)
                {
                    RefreshReferenceAfterTurn(activity);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Past the turn's deadline (the ledger was released, so a redelivery is handled): a short Dutch answer, never a 5xx.
            logger.TurnTimedOut(activity.Type, activityHash);
            return (await ApologizeAsync(turn, activityHash, Texts.TimedOut, Texts.ActionTimedOut), OutcomeFailed);
        }
    }

    /// <summary>The conversation reference is kept fresh in the background, after the answer (also for a redelivery).</summary>
    private void RefreshReferenceAfterTurn(Activity activity)
    {
        if (ToReference(activity) is { } reference)
        {
            serviceUrls.Remember(reference);   // at once: the relay's posts of this turn take it from memory
            afterTurn.Run(reference.ConversationId, ct => serviceUrls.StoreAsync(reference, ct));
        }
    }

    private async Task<(InvokeResponse? Response, string Outcome)> RouteAsync(TurnContext turn, bool ledgered, string activityHash, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        TurnKeys keys = turn.Keys;
        try
        {
            return (await router.RouteAsync(turn, cancellationToken), OutcomeHandled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(ex, activity.Type, activityHash);
            if (ledgered)
            {
                await ledger.AbandonAsync(keys, CancellationToken.None);
            }

            return (await ApologizeAsync(turn, activityHash, Texts.Apology, Texts.ActionApology), OutcomeFailed);
        }
        catch (OperationCanceledException) when (ledgered)
        {
            // Past the turn's deadline: a redelivery must be handled, not answered as done.
            await ledger.AbandonAsync(keys, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Tells the user the turn failed: an invoke by its error response, a message by a short post (bounded: Teams may be what failed).</summary>
    private async Task<InvokeResponse?> ApologizeAsync(TurnContext turn, string activityHash, string text, string actionText)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return InvokeResponse.Error(500, "regiebotError", actionText);
        }

        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        if (turn.PostingFailed)
        {
            logger.ApologySkipped(activityHash);
            return null;
        }

        try
        {
            using CancellationTokenSource bounded = new(ApologyTimeout, time);
            await turn.SendTextAsync(text, bounded.Token);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or InvalidOperationException or ArgumentException or OperationCanceledException)
        {
            logger.ApologyFailed(ex, activityHash);
        }

        return null;
    }

    private static ConversationReference? ToReference(Activity activity)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        TeamsChannelData? channelData = activity.GetTeamsChannelData();
        return new ConversationReference
        {
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            ChannelId = activity.ChannelId ?? "msteams",
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.GetTenantId(),
            BotId = activity.Recipient?.Id,
            TeamId = channelData?.Team?.Id,
            TeamsChannelId = channelData?.Channel?.Id,
        };
    }
}
