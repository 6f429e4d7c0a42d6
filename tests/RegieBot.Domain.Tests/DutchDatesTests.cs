namespace RegieBot.Domain.Tests;

/// <summary>Every card, reminder, tab page and export writes dates through <see cref="DutchDates"/>; these pin how they read.</summary>
public sealed class DutchDatesTests
{
    [Fact]
    public void Date_WritesTheDutchMonthAndADashForNone()
    {
        Assert.Equal("23 februari 2027", DutchDates.Date(new DateOnly(2027, 2, 23)));
        Assert.Equal("–", DutchDates.Date(null));
    }

    [Fact]
    public void DayAndMoment_AreInAmsterdamTime()
    {
        DateTimeOffset lateWinterEvening = new(2027, 2, 23, 23, 30, 0, TimeSpan.Zero);   // 00:30 on the 24th in Amsterdam (UTC+1)
        DateTimeOffset summerAfternoon = new(2027, 7, 1, 12, 5, 0, TimeSpan.Zero);       // 14:05 in Amsterdam (UTC+2)

        Assert.Equal("24 februari 2027", DutchDates.Day(lateWinterEvening));
        Assert.Equal("1 juli 2027 om 14:05", DutchDates.Moment(summerAfternoon));
    }
}
