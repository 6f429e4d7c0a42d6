using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Tests.Scheduling;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("PT2S", 2)]
    [InlineData("00:00:02", 2)]
    [InlineData(" PT1M ", 60)]
    [InlineData("PT1H30M", 5400)]
    [InlineData("01:30:00", 5400)]
    [InlineData("P1D", 86400)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("P1W", 604800)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("PT0S", 0)]
    [InlineData("00:00:00", 0)]
    public void TryParse_IsoOrClockForm_ReadsTheSameDuration(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("P3M")]               // months have no fixed length
    [InlineData("P1Y")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("2 seconds")]
    [InlineData("pt2s")]
    [InlineData("PT99999999999H")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsFalse(string? text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }
}
