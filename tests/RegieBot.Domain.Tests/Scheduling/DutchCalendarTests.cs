using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Tests.Scheduling;

public sealed class DutchCalendarTests
{
    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2024, 3, 31)]
    public void EasterSunday_KnownYears(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DutchCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-01-01")]   // Nieuwjaarsdag
    [InlineData("2026-04-06")]   // Tweede Paasdag
    [InlineData("2026-04-27")]   // Koningsdag
    [InlineData("2025-04-26")]   // Koningsdag on Saturday when the 27th is a Sunday
    [InlineData("2025-05-05")]   // Bevrijdingsdag in a lustrum year
    [InlineData("2026-05-05")]   // ... and in any other year (see DutchCalendar)
    [InlineData("2030-05-05")]
    [InlineData("2026-05-14")]   // Hemelvaartsdag
    [InlineData("2026-05-25")]   // Tweede Pinksterdag
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    public void IsHoliday_NationalHolidays(string date)
    {
        Assert.True(DutchCalendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-28", "2026-11-30T08:00:00Z")]   // Saturday → Monday 09:00 CET
    [InlineData("2026-11-30", "2026-11-30T08:00:00Z")]   // Monday stays
    [InlineData("2026-03-30", "2026-03-30T07:00:00Z")]   // after the switch to summer time: 09:00 CEST
    [InlineData("2026-03-27", "2026-03-27T08:00:00Z")]   // before it: 09:00 CET
    [InlineData("2026-10-24", "2026-10-26T08:00:00Z")]   // Saturday before winter time → Monday 09:00 CET
    [InlineData("2026-12-25", "2026-12-28T08:00:00Z")]   // Christmas (Fri) → Monday 28th
    [InlineData("2026-04-25", "2026-04-28T07:00:00Z")]   // Saturday, Sunday, Koningsdag Monday → Tuesday
    [InlineData("2026-05-05", "2026-05-06T07:00:00Z")]   // Bevrijdingsdag (Tuesday) → Wednesday
    public void StartOfWorkingDay_SkipsWeekendsAndHolidays(string date, string expected)
    {
        DateTimeOffset start = DutchCalendar.StartOfWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
    }

    [Theory]
    [InlineData("2026-11-27T13:00:00Z", "2026-11-27T13:00:00Z")]   // Friday 14:00: within hours
    [InlineData("2026-11-27T17:30:00Z", "2026-11-30T08:00:00Z")]   // Friday 18:30 → Monday 09:00
    [InlineData("2026-11-26T06:00:00Z", "2026-11-26T08:00:00Z")]   // Thursday 07:00 → 09:00 the same day
    [InlineData("2026-11-29T10:00:00Z", "2026-11-30T08:00:00Z")]   // Sunday → Monday
    public void NextWorkingMoment_MovesIntoWorkingHours(string moment, string expected)
    {
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DutchCalendar.NextWorkingMoment(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
