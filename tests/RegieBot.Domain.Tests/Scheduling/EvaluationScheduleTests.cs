using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Tests.Scheduling;

public sealed class EvaluationScheduleTests
{
    private static readonly DateTimeOffset SavedAt = new(2026, 11, 30, 14, 12, 5, TimeSpan.Zero);

    [Fact]
    public void EvaluationDue_RealPeriod_IsTheEvaluatiedatumAtNineAmsterdamOnAWorkingDay()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("P3M"));
        KaartContent content = new() { Evaluatiedatum = new DateOnly(2027, 2, 28) };   // a Sunday

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero), schedule.EvaluationDue(content, SavedAt));
    }

    [Fact]
    public void EvaluationDue_EvaluatiedatumTodayOrEarlier_IsTheNextWorkingMomentNotThePast()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("P3M"));
        DateTimeOffset fridayEvening = new(2026, 11, 27, 19, 0, 0, TimeSpan.Zero);

        Assert.Equal(SavedAt, schedule.EvaluationDue(new KaartContent { Evaluatiedatum = new DateOnly(2026, 11, 30) }, SavedAt));   // today, 15:12
        Assert.Equal(SavedAt, schedule.EvaluationDue(new KaartContent { Evaluatiedatum = new DateOnly(2026, 9, 1) }, SavedAt));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), schedule.EvaluationDue(new KaartContent { Evaluatiedatum = new DateOnly(2026, 11, 27) }, fridayEvening));
    }

    [Fact]
    public void EvaluationDue_DemoPeriod_FollowsTheClockExactly()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("PT20S"));

        Assert.Equal(SavedAt.AddSeconds(20), schedule.EvaluationDue(new KaartContent { Evaluatiedatum = new DateOnly(2027, 2, 28) }, SavedAt));
    }

    [Fact]
    public void EvaluationDate_IsOnePeriodOnAndAtLeastTheNextDay()
    {
        Assert.Equal(new DateOnly(2027, 2, 26), new EvaluationSchedule(IsoPeriod.Parse("P3M")).EvaluationDate(new DateOnly(2026, 11, 26)));
        Assert.Equal(new DateOnly(2026, 12, 1), new EvaluationSchedule(IsoPeriod.Parse("PT20S")).EvaluationDate(new DateOnly(2026, 11, 30)));
    }

    [Theory]
    [InlineData("2026-11-30", "2027-03-01")]   // three months on is Sunday 28 February
    [InlineData("2026-12-07", "2027-03-08")]   // Sunday 7 March: the date on which CI was red
    [InlineData("2026-12-05", "2027-03-05")]   // a kaart made on a Saturday still gets its Friday
    [InlineData("2027-01-27", "2027-04-28")]   // Koningsdag, a Tuesday in 2027
    [InlineData("2026-09-25", "2026-12-28")]   // Kerstdagen and a weekend after them
    [InlineData("2026-10-01", "2027-01-04")]   // Nieuwjaarsdag on a Friday, then a weekend
    public void EvaluationDate_RealPeriod_IsTheNextWorkingDayWhenThreeMonthsOnIsNot(string datum, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new EvaluationSchedule(IsoPeriod.Parse("P3M")).EvaluationDate(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Every day of three years, as a kaart's date: the proposed evaluatiedatum is a working day, and the reminder
    /// comes on that very day (the date the kaart shows is the date the reminder uses).
    /// </summary>
    [Fact]
    public void EvaluationDate_AnyDay_IsAWorkingDayAndTheDayTheReminderComes()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("P3M"));
        for (DateOnly datum = new(2026, 1, 1); datum < new DateOnly(2029, 1, 1); datum = datum.AddDays(1))
        {
            DateOnly evaluatiedatum = schedule.EvaluationDate(datum);
            Assert.True(DutchCalendar.IsWorkingDay(evaluatiedatum), $"{datum}: {evaluatiedatum} is no working day");
            Assert.InRange(evaluatiedatum.DayNumber - datum.AddMonths(3).DayNumber, 0, 4);
            DateTimeOffset savedAt = DutchCalendar.StartOfWorkingDay(datum).AddHours(1);
            Assert.Equal(evaluatiedatum, DutchCalendar.Today(schedule.EvaluationDue(new KaartContent { Evaluatiedatum = evaluatiedatum }, savedAt)));
        }
    }

    [Fact]
    public void EscalationDue_IsSevenCalendarDaysOnInWorkingHours()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("P3M"));
        DateTimeOffset sent = new(2027, 3, 1, 8, 0, 5, TimeSpan.Zero);   // Monday 09:00:05

        Assert.Equal(sent.AddDays(7), schedule.EscalationDue(sent));
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 8, 0, 0, TimeSpan.Zero), schedule.EscalationDue(new DateTimeOffset(2027, 3, 5, 17, 0, 0, TimeSpan.Zero)));   // Fri 18:00 + 7 → Mon 09:00
    }

    [Fact]
    public void Later_IsAWeekOnInWorkingHours()
    {
        EvaluationSchedule schedule = new(IsoPeriod.Parse("P3M"));

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 12, 5, TimeSpan.Zero), schedule.Later(SavedAt));
    }
}
