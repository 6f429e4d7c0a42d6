using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Privacy;

/// <summary>When the data of a closed casus is deleted: <c>RegieBot__Privacy__RetentionAfterClose</c> after closing.</summary>
public static class RetentionPolicy
{
    /// <summary>The moment of deletion, fixed when the casus is closed (a later change of the setting does not move it).</summary>
    public static DateTimeOffset DueAt(DateTimeOffset closedAt, IsoPeriod retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        return retention.AddTo(closedAt.ToUniversalTime());
    }

    /// <summary>
    /// True when the kaart may be erased now: it is closed and its own close record says its time has come. A
    /// retention entry without such a kaart (closing failed after the entry was written) is stale, not due.
    /// </summary>
    public static bool IsDue(Kaart kaart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return kaart is { Status: KaartStatus.Afgesloten, Closure: { } closure } && closure.RetentionDueAt <= now;
    }
}
