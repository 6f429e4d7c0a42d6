using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Tests.Scheduling;

public sealed class IsoPeriodTests
{
    [Theory]
    [InlineData("P3M", 0, 3, 0, 0)]
    [InlineData("P90D", 0, 0, 90, 0)]
    [InlineData("P2W", 0, 0, 14, 0)]
    [InlineData("PT20S", 0, 0, 0, 20)]
    [InlineData("P1Y2M10DT2H30M", 1, 2, 10, 9000)]
    public void TryParse_ValidDurations(string text, int years, int months, int days, int seconds)
    {
        Assert.True(IsoPeriod.TryParse(text, out IsoPeriod? period));
        Assert.Equal(new IsoPeriod(years, months, days, TimeSpan.FromSeconds(seconds)), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("3M")]
    [InlineData("P0D")]
    [InlineData("P-1D")]
    [InlineData(null)]
    public void TryParse_Invalid_IsRefused(string? text)
    {
        Assert.False(IsoPeriod.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2026-11-30", "P3M", "2027-02-28")]
    [InlineData("2027-11-30", "P3M", "2028-02-29")]   // leap year
    [InlineData("2026-01-31", "P1M", "2026-02-28")]
    [InlineData("2026-11-23", "P90D", "2027-02-21")]
    public void AddTo_Date_UsesCalendarMonths(string date, string period, string expected)
    {
        System.Globalization.CultureInfo inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateOnly.Parse(expected, inv), IsoPeriod.Parse(period).AddTo(DateOnly.Parse(date, inv)));
    }

    [Fact]
    public void IsShorterThanADay_OnlyForTimePeriodsBelowOneDay()
    {
        Assert.True(IsoPeriod.Parse("PT20S").IsShorterThanADay);
        Assert.False(IsoPeriod.Parse("PT24H").IsShorterThanADay);
        Assert.False(IsoPeriod.Parse("P3M").IsShorterThanADay);
    }
}
