namespace RegieBot.Domain.Scheduling;

/// <summary>
/// Dutch working days and hours in Europe/Amsterdam: Monday to Friday, 09:00–17:00, without the national
/// holidays (Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Tweede Pinksterdag, Kerstdagen).
/// Bevrijdingsdag (5 May) counts every year, not only in lustrum years: the Algemene termijnenwet names it among the
/// generally recognised holidays, and the collective agreements of youth care and municipalities give it off every
/// year, so a reminder on that day would reach an empty team.
/// </summary>
public static class DutchCalendar
{
    public static readonly TimeOnly WorkStart = new(9, 0);
    public static readonly TimeOnly WorkEnd = new(17, 0);

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    public static bool IsHoliday(DateOnly date)
    {
        DateOnly easter = EasterSunday(date.Year);
        DateOnly kingsDay = new(date.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        return date == new DateOnly(date.Year, 1, 1)
            || date == easter.AddDays(1)
            || date == kingsDay
            || date == new DateOnly(date.Year, 5, 5)
            || date == easter.AddDays(39)
            || date == easter.AddDays(50)
            || date == new DateOnly(date.Year, 12, 25)
            || date == new DateOnly(date.Year, 12, 26);
    }

    /// <summary>The start of the working day on <paramref name="date"/>, or on the first working day after it.</summary>
    public static DateTimeOffset StartOfWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return ToUtc(date, WorkStart);
    }

    /// <summary>The moment itself when it falls within working hours; otherwise the start of the next working hours.</summary>
    public static DateTimeOffset NextWorkingMoment(DateTimeOffset moment)
    {
        DateTime local = TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime;
        DateOnly date = DateOnly.FromDateTime(local);
        TimeOnly time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(date) && time >= WorkStart && time < WorkEnd)
        {
            return moment.ToUniversalTime();
        }

        return StartOfWorkingDay(IsWorkingDay(date) && time < WorkStart ? date : date.AddDays(1));
    }

    /// <summary>True when <paramref name="moment"/> falls within Dutch working hours on a working day.</summary>
    public static bool IsWorkingMoment(DateTimeOffset moment) => NextWorkingMoment(moment) == moment.ToUniversalTime();

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime);

    private static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        DateTime local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Easter Sunday (Gregorian computus, anonymous algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
