using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RegieBot.Operations;

/// <summary>
/// The bot's own traces and metrics, both named <see cref="Name"/>. Tags carry activity types, outcomes and status
/// codes only: never names, texts or ids.
/// </summary>
public sealed class RegieTelemetry
{
    public const string Name = "RegieBot";

    /// <summary>One span per turn (<c>regiebot.turn</c>) under the ASP.NET Core request span.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// One span per piece of outbox work (the outbox relay's, a root of its own linked to the turn that
    /// committed it): what runs in it happens after the answer, not on the request path.
    /// </summary>
    public const string OutboxSpanName = "regiebot.outbox";

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "messageUpdate", "messageDelete", "event", "typing", "endOfConversation",
    };

    public RegieTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(Name);
        Turns = meter.CreateCounter<long>("regiebot.turns", "{turn}", "Activities handled, by activity type and outcome (handled, duplicate, failed).");
        TurnDuration = meter.CreateHistogram<double>("regiebot.turn.duration", "s", "Time to handle one activity, from authentication to the answer.");
        RemindersSent = meter.CreateCounter<long>("regiebot.reminders.sent", "{reminder}", "Evaluation reminders and escalations posted to Teams.");
        RemindersFailed = meter.CreateCounter<long>("regiebot.reminders.failed", "{reminder}", "Reminders that could not be posted (retried on a later tick).");
        RequestsRefused = meter.CreateCounter<long>("regiebot.requests.refused", "{request}", "Requests to /api/messages refused, by status code and reason.");
    }

    public Counter<long> Turns { get; }

    public Histogram<double> TurnDuration { get; }

    public Counter<long> RemindersSent { get; }

    public Counter<long> RemindersFailed { get; }

    public Counter<long> RequestsRefused { get; }

    /// <summary>Counts a finished turn and its duration.</summary>
    public void RecordTurn(string activityType, string outcome, TimeSpan duration)
    {
        KeyValuePair<string, object?> type = new("activity.type", ActivityTypeTag(activityType));
        KeyValuePair<string, object?> result = new("outcome", outcome);
        Turns.Add(1, type, result);
        TurnDuration.Record(duration.TotalSeconds, type, result);
    }

    /// <summary>A reminder delivery: <c>Sent</c> counts as sent; <c>RetryLater</c> and <c>Undeliverable</c> as failed.</summary>
    public void RecordReminder(string kind, string outcome)
    {
        KeyValuePair<string, object?> kindTag = new("reminder.kind", kind);
        KeyValuePair<string, object?> outcomeTag = new("outcome", outcome);
        (outcome == "Sent" ? RemindersSent : RemindersFailed).Add(1, kindTag, outcomeTag);
    }

    public void RecordRefused(int statusCode, string reason) =>
        RequestsRefused.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Activity types come from the request: unknown ones share one tag value, so they cannot flood the metrics.</summary>
    public static string ActivityTypeTag(string? activityType) =>
        activityType is not null && KnownActivityTypes.Contains(activityType) ? activityType : "other";
}
