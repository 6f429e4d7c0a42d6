using System.Globalization;

namespace RegieBot.Domain;

/// <summary>
/// The one way dates and moments are written for people: Dutch month names, Amsterdam time. Cards, reminders,
/// the tab and the export all use it so that the same moment never reads two ways.
/// </summary>
public static class DutchDates
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>A date as "23 februari 2027"; a dash when there is none, so an empty field still reads as empty.</summary>
    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Dutch) ?? "–";

    /// <summary>The day of a moment in the Netherlands, e.g. "23 februari 2027".</summary>
    public static string Day(DateTimeOffset moment) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime));

    /// <summary>A moment in the Netherlands to the minute, e.g. "23 februari 2027 om 14:05".</summary>
    public static string Moment(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Amsterdam).ToString("d MMMM yyyy 'om' HH:mm", Dutch);
}
