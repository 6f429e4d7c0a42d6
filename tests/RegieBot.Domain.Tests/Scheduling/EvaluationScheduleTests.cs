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
        Assert.Equal(new DateOnly(2027, 2, 28), new EvaluationSchedule(IsoPeriod.Parse("P3M")).EvaluationDate(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 12, 1), new EvaluationSchedule(IsoPeriod.Parse("PT20S")).EvaluationDate(new DateOnly(2026, 11, 30)));
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
