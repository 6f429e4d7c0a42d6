using System.Globalization;
using System.Text.RegularExpressions;

namespace RegieBot.Domain.Scheduling;

/// <summary>
/// An ISO 8601 duration such as <c>P3M</c>, <c>P90D</c> or <c>PT20S</c>. Years, months and days are calendar
/// units (30 November + P3M is 28 February), so this is not a <see cref="TimeSpan"/>.
/// </summary>
public sealed partial record IsoPeriod(int Years, int Months, int Days, TimeSpan Time)
{
    public static IsoPeriod Parse(string value) =>
        TryParse(value, out IsoPeriod? period) ? period : throw new FormatException($"'{value}' is not an ISO 8601 duration (e.g. P3M, P90D, PT20S).");

    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IsoPeriod? period)
    {
        period = null;
        Match m = Pattern().Match(value?.Trim() ?? string.Empty);
        if (!m.Success || m.Groups.Values.Skip(1).All(g => !g.Success) || (m.Groups["t"].Success && !m.Groups["h"].Success && !m.Groups["min"].Success && !m.Groups["s"].Success))
        {
            return false;
        }

        int Int(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        double seconds = m.Groups["s"].Success ? double.Parse(m.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        period = new IsoPeriod(
            Int("y"),
            Int("mo"),
            Int("d") + (7 * Int("w")),
            TimeSpan.FromHours(Int("h")) + TimeSpan.FromMinutes(Int("min")) + TimeSpan.FromSeconds(seconds));
        return period.Years + period.Months + period.Days > 0 || period.Time > TimeSpan.Zero;
    }

    /// <summary>True for demo and test periods (such as PT20S): then no working-hours rule applies.</summary>
    public bool IsShorterThanADay => Years == 0 && Months == 0 && Days == 0 && Time < TimeSpan.FromDays(1);

    public DateOnly AddTo(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays(Days + (int)Time.TotalDays);

    public DateTimeOffset AddTo(DateTimeOffset moment) => moment.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public override string ToString()
    {
        string date = (Years > 0 ? $"{Years}Y" : string.Empty) + (Months > 0 ? $"{Months}M" : string.Empty) + (Days > 0 ? $"{Days}D" : string.Empty);
        string time = (Time.Hours + (Time.Days * 24) > 0 ? $"{Time.Hours + (Time.Days * 24)}H" : string.Empty)
            + (Time.Minutes > 0 ? $"{Time.Minutes}M" : string.Empty)
            + (Time.Seconds + Time.Milliseconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Time.Seconds + (Time.Milliseconds / 1000.0)}S") : string.Empty);
        return "P" + date + (time.Length > 0 ? "T" + time : string.Empty);
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?<t>T(?:(?<h>\d+)H)?(?:(?<min>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex Pattern();
}
