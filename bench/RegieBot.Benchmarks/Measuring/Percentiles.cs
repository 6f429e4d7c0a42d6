using System.Globalization;

namespace RegieBot.Benchmarks.Measuring;

/// <summary>Nearest-rank percentiles of a set of durations, in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMilliseconds, double percent)
    {
        if (sortedMilliseconds.Count == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sortedMilliseconds.Count);
        return sortedMilliseconds[Math.Clamp(rank - 1, 0, sortedMilliseconds.Count - 1)];
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
