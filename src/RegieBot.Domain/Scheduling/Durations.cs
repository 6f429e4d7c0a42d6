using System.Globalization;

namespace RegieBot.Domain.Scheduling;

/// <summary>
/// A fixed length of time as configuration writes it: ISO 8601 (<c>PT2S</c>, <c>PT15M</c>, <c>P1D</c>, as the ISO
/// settings such as <c>EvaluationPeriod</c> take) or .NET's <c>[d.]hh:mm:ss</c> (<c>00:00:02</c>). Years and months
/// have no fixed length, so they are not a duration here.
/// </summary>
public static class Durations
{
    public const string ExpectedForm = "ISO 8601 such as PT2S, PT15M or P1D, or hh:mm:ss such as 00:00:02";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        string value = text?.Trim() ?? string.Empty;
        if (value.StartsWith('P'))
        {
            try
            {
                if (!IsoPeriod.TryParse(value, out IsoPeriod? period))
                {
                    return IsZero(value);
                }

                if (period.Years != 0 || period.Months != 0)
                {
                    return false;
                }

                duration = TimeSpan.FromDays(period.Days) + period.Time;
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return value.Length > 0 && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration);
    }

    /// <summary>A duration of nothing, which <see cref="IsoPeriod"/> refuses as a period.</summary>
    private static bool IsZero(string value) => value is "PT0S" or "PT0M" or "PT0H" or "P0D";
}
