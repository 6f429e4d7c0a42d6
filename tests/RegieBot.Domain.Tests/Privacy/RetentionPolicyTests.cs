using Microsoft.Extensions.Time.Testing;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Domain.Tests.Privacy;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 11, 30, 14, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void DueAt_DefaultP90D_IsNinetyCalendarDaysLaterInUtc()
    {
        DateTimeOffset due = RetentionPolicy.DueAt(ClosedAt, IsoPeriod.Parse("P90D"));

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 13, 30, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Theory]
    [InlineData("P3M", "2027-02-28T13:30:00Z")]
    [InlineData("P1Y", "2027-11-30T13:30:00Z")]
    [InlineData("PT20S", "2026-11-30T13:30:20Z")]
    public void DueAt_OtherPeriods_AreCalendarUnits(string period, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RetentionPolicy.DueAt(ClosedAt, IsoPeriod.Parse(period)));
    }

    [Fact]
    public void IsDue_ClosedKaart_OnlyFromItsDueMomentOn()
    {
        FakeTimeProvider time = new(ClosedAt);
        Kaart kaart = Closed(RetentionPolicy.DueAt(ClosedAt, IsoPeriod.Parse("P90D")));

        bool before = RetentionPolicy.IsDue(kaart, time.GetUtcNow());
        time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        bool justBefore = RetentionPolicy.IsDue(kaart, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(1));
        bool atDue = RetentionPolicy.IsDue(kaart, time.GetUtcNow());

        Assert.False(before);
        Assert.False(justBefore);
        Assert.True(atDue);
    }

    [Fact]
    public void IsDue_ActiveKaart_IsNeverDue()
    {
        Kaart active = Closed(ClosedAt) with { Status = KaartStatus.Actief };

        Assert.False(RetentionPolicy.IsDue(active, ClosedAt.AddYears(10)));
        Assert.False(RetentionPolicy.IsDue(active with { Status = KaartStatus.Afgesloten, Closure = null }, ClosedAt.AddYears(10)));
    }

    private static Kaart Closed(DateTimeOffset dueAt) => new()
    {
        Id = "k1",
        Casus = "Familie T.",
        Location = new KaartLocation("19:c;messageid=1", "19:c", null, null, "https://smba.trafficmanager.net/emea/"),
        Content = new KaartContent(),
        Status = KaartStatus.Afgesloten,
        Closure = new KaartClosure(AfschaalCriterium.GezinVoertZelfRegie, null, ClosedAt, "aad-1", dueAt),
    };
}
