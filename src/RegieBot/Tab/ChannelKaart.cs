using RegieBot.Cards;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Tab;

/// <summary>
/// One kaart of the channel tab with the seeds' regie questions as signals: is there a plan everyone carries (roles
/// confirmed), is someone watching (bewaker and aanspreekpunt, confirmed), is the evaluation on time, is anything
/// escalated, did linked professionals leave the channel (not in its live roster).
/// </summary>
internal sealed class ChannelKaart
{
    /// <summary>An evaluation card unanswered for longer than this is a signal ("within a week": seven calendar days).</summary>
    public static readonly TimeSpan EvaluationWaitLimit = TimeSpan.FromDays(7);

    public ChannelKaart(TabKaart tab, IReadOnlySet<string> roster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tab);
        ArgumentNullException.ThrowIfNull(roster);
        Tab = tab;
        KaartConfirmations state = tab.Snapshot.State;
        KaartContent content = tab.Kaart.Content;
        Linked = [.. content.Professionals.Where(p => p.IsLinked)];
        Unconfirmed = [.. state.Unconfirmed];
        Bewaker = content.Bewaker;
        Aanspreekpunt = content.Aanspreekpunt;
        BewakerConfirmed = Bewaker is { } b && (!b.IsLinked || state.Of(b) is not null);
        AanspreekpuntConfirmed = Aanspreekpunt is { } a && (!a.IsLinked || state.Of(a) is not null);
        EvaluationWaitsTooLong = tab.EvaluationUnanswered && tab.Evaluation?.SentAt is { } sent && now - sent > EvaluationWaitLimit;
        Left = tab.Closed ? [] : [.. Linked.Where(p => p.AadObjectId is not { } aad || !roster.Contains(aad))];
        EscalatedTo = EscalationCard.Recipient(content);
    }

    public TabKaart Tab { get; }

    public Kaart Kaart => Tab.Kaart;

    public IReadOnlyList<Professional> Linked { get; }

    public IReadOnlyList<Professional> Unconfirmed { get; }

    public int ConfirmedCount => Linked.Count - Unconfirmed.Count;

    public Professional? Bewaker { get; }

    public Professional? Aanspreekpunt { get; }

    public bool BewakerConfirmed { get; }

    public bool AanspreekpuntConfirmed { get; }

    public bool EvaluationWaitsTooLong { get; }

    /// <summary>Linked professionals who are no longer in the channel's live roster.</summary>
    public IReadOnlyList<Professional> Left { get; }

    /// <summary>Whom an escalation goes to: the procesregisseur, else the bewaker.</summary>
    public Professional? EscalatedTo { get; }

    public bool NobodyWatching => !Tab.Closed && (Bewaker is null || Aanspreekpunt is null);

    /// <summary>How many of the signals ask for attention (a closed kaart asks for none).</summary>
    public int Attention =>
        Tab.Closed ? 0
        : (Unconfirmed.Count > 0 ? 1 : 0) + (NobodyWatching ? 1 : 0) + (Tab.Overdue ? 1 : 0) + (EvaluationWaitsTooLong ? 1 : 0)
          + (Tab.OpenEscalations.Count > 0 ? 1 : 0) + (Left.Count > 0 ? 1 : 0);

    /// <summary>What needs attention first: open before closed, escalations and late evaluations before the rest, then the most signals.</summary>
    public static IReadOnlyList<ChannelKaart> Ordered(IEnumerable<ChannelKaart> kaarten) =>
        [.. kaarten
            .OrderBy(k => k.Tab.Closed)
            .ThenByDescending(k => k.Tab.OpenEscalations.Count > 0)
            .ThenByDescending(k => k.Tab.Overdue || k.EvaluationWaitsTooLong)
            .ThenByDescending(k => k.Attention)
            .ThenBy(k => k.Kaart.Content.Evaluatiedatum ?? DateOnly.MaxValue)
            .ThenBy(k => k.Kaart.Casus, StringComparer.CurrentCulture)
            .ThenBy(k => k.Kaart.Id, StringComparer.Ordinal)];
}

/// <summary>The channel tab's content: its kaarten, attention first, and the counts at the top.</summary>
internal sealed record ChannelOverview(IReadOnlyList<ChannelKaart> Rows)
{
    public int Late => Rows.Count(k => k.Tab.Overdue || k.EvaluationWaitsTooLong);

    public int OpenEscalations => Rows.Sum(k => k.Tab.OpenEscalations.Count);

    public int UnconfirmedRoles => Rows.Where(k => !k.Tab.Closed).Sum(k => k.Unconfirmed.Count);

    public int Left => Rows.Sum(k => k.Left.Count);
}
