using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Scheduling;

/// <summary>
/// When evaluation reminders are due. With a real period (P3M) they land on the evaluatiedatum at the start
/// of a Dutch working day; with a demo period shorter than a day (PT20S) they follow the clock exactly.
/// </summary>
public sealed class EvaluationSchedule(IsoPeriod period)
{
    /// <summary>Seven calendar days: an evaluation nobody answers by then is escalated, once.</summary>
    public static readonly TimeSpan EscalationDelay = TimeSpan.FromDays(7);

    public IsoPeriod Period => period;

    /// <summary>
    /// The evaluatiedatum proposed for a kaart dated <paramref name="datum"/>: one period on, moved to the next Dutch
    /// working day when that falls in a weekend or on a holiday (the reminder comes at the start of that working day,
    /// so the kaart shows the day the reminder really comes), and at least the next day (a demo period of seconds
    /// still gives the kaart a date after its own).
    /// </summary>
    public DateOnly EvaluationDate(DateOnly datum)
    {
        DateOnly date = period.AddTo(datum);
        date = date > datum ? date : datum.AddDays(1);
        if (period.IsShorterThanADay)
        {
            return date;
        }

        while (!DutchCalendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// When the evaluation reminder of a kaart saved at <paramref name="savedAt"/> is due: the start of the working
    /// day on its evaluatiedatum, and never before the save (an evaluatiedatum of today or earlier is due at the next
    /// working moment, not in the past).
    /// </summary>
    public DateTimeOffset EvaluationDue(KaartContent content, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (period.IsShorterThanADay)
        {
            return period.AddTo(savedAt);
        }

        DateTimeOffset due = DutchCalendar.StartOfWorkingDay(content.Evaluatiedatum ?? EvaluationDate(DutchCalendar.Today(savedAt)));
        DateTimeOffset earliest = DutchCalendar.NextWorkingMoment(savedAt);
        return due > earliest ? due : earliest;
    }

    /// <summary>"Herinner over een week": a week on, in working hours (demo periods: one period on).</summary>
    public DateTimeOffset Later(DateTimeOffset now) =>
        period.IsShorterThanADay ? period.AddTo(now) : DutchCalendar.NextWorkingMoment(now.AddDays(7));

    /// <summary>When an unanswered evaluation sent at <paramref name="sentAt"/> is escalated.</summary>
    public DateTimeOffset EscalationDue(DateTimeOffset sentAt) =>
        period.IsShorterThanADay ? period.AddTo(sentAt) : DutchCalendar.NextWorkingMoment(sentAt + EscalationDelay);
}
