using RegieBot.Domain.Kaarten;

namespace RegieBot.Tab;

/// <summary>
/// One kaart of the channel tab with the seeds' regie questions as signals: is there a plan everyone carries (roles
/// confirmed), is someone watching (bewaker and aanspreekpunt, confirmed), is the evaluation on time, is anything
/// escalated, did linked professionals leave the channel (not in its live roster). Computed from the kaart's
/// <see cref="ChannelSummary"/> (as the outbox stored it, or made from the kaart itself) at the moment of reading.
/// </summary>
internal sealed class ChannelKaart
{
    /// <summary>An evaluation card unanswered for longer than this is a signal ("within a week": seven calendar days).</summary>
    public static readonly TimeSpan EvaluationWaitLimit = TimeSpan.FromDays(7);

    public ChannelKaart(ChannelSummary summary, IReadOnlySet<string> roster, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(roster);
        Summary = summary;
        Unconfirmed = [.. summary.Linked.Where(p => !p.Confirmed)];
        Overdue = !summary.Closed && summary.Evaluatiedatum is { } date && date < today;
        EvaluationWaitsTooLong = !summary.Closed && summary.EvaluationSentAt is { } sent && sent > summary.UpdatedAt && now - sent > EvaluationWaitLimit;
        Left = summary.Closed ? [] : [.. summary.Linked.Where(p => p.AadObjectId is not { } aad || !roster.Contains(aad))];
    }

    public ChannelSummary Summary { get; }

    public bool Closed => Summary.Closed;

    public IReadOnlyList<SummaryPerson> Linked => Summary.Linked;

    public IReadOnlyList<SummaryPerson> Unconfirmed { get; }

    public int ConfirmedCount => Linked.Count - Unconfirmed.Count;

    public bool Overdue { get; }

    public bool EvaluationWaitsTooLong { get; }

    /// <summary>Linked professionals who are no longer in the channel's live roster.</summary>
    public IReadOnlyList<SummaryPerson> Left { get; }

    public IReadOnlyList<DateTimeOffset> OpenEscalations => Summary.OpenEscalations;

    public bool NobodyWatching => !Closed && (Summary.Bewaker is null || Summary.Aanspreekpunt is null);

    /// <summary>How many of the signals ask for attention (a closed kaart asks for none).</summary>
    public int Attention =>
        Closed ? 0
        : (Unconfirmed.Count > 0 ? 1 : 0) + (NobodyWatching ? 1 : 0) + (Overdue ? 1 : 0) + (EvaluationWaitsTooLong ? 1 : 0)
          + (OpenEscalations.Count > 0 ? 1 : 0) + (Left.Count > 0 ? 1 : 0);

    /// <summary>What needs attention first: open before closed, escalations and late evaluations before the rest, then the most signals.</summary>
    public static IReadOnlyList<ChannelKaart> Ordered(IEnumerable<ChannelKaart> kaarten) =>
        [.. kaarten
            .OrderBy(k => k.Closed)
            .ThenByDescending(k => k.OpenEscalations.Count > 0)
            .ThenByDescending(k => k.Overdue || k.EvaluationWaitsTooLong)
            .ThenByDescending(k => k.Attention)
            .ThenBy(k => k.Summary.Evaluatiedatum ?? DateOnly.MaxValue)
            .ThenBy(k => k.Summary.Casus, StringComparer.CurrentCulture)
            .ThenBy(k => k.Summary.KaartId, StringComparer.Ordinal)];
}

/// <summary>The channel tab's content: its kaarten, attention first, and the counts at the top.</summary>
internal sealed record ChannelOverview(IReadOnlyList<ChannelKaart> Rows)
{
    public int Late => Rows.Count(k => k.Overdue || k.EvaluationWaitsTooLong);

    public int OpenEscalations => Rows.Sum(k => k.OpenEscalations.Count);

    public int UnconfirmedRoles => Rows.Where(k => !k.Closed).Sum(k => k.Unconfirmed.Count);

    public int Left => Rows.Sum(k => k.Left.Count);
}
