using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Kaarten;

/// <summary>The form's text comes from the seed, verbatim: read the seed and compare (skipped without ../shared).</summary>
public sealed class HulpvragenTests
{
    // Read per test, not in a static initialiser: a missing seed must skip each test, not fail the class.
    private static string[] SeedLines => SharedDocuments.ReadLines("seeds/regiekaart-samenwerken.txt");

    [Fact]
    public void Onderdelen_EveryHulpvraagOfTheSeed_IsPresentVerbatimAndInOrder()
    {
        Assert.Equal(SeedSection("Hulpvragen bij onderdeel 1 "), Hulpvragen.Onderdeel1);
        Assert.Equal(SeedSection("Hulpvragen bij onderdeel 2 "), Hulpvragen.Onderdeel2);
        Assert.Equal(SeedSection("Hulpvragen bij onderdeel 3 "), Hulpvragen.Onderdeel3);
    }

    [Fact]
    public void Hulpvragen_TogetherCoverEveryBulletAfterTheHulpvragenHeading()
    {
        int start = Array.FindIndex(SeedLines, l => l.Trim() == "Hulpvragen");
        string[] bullets = [.. SeedLines.Skip(start).Where(l => l.StartsWith('·')).Select(Bullet).Where(b => b.Length > 0)];

        Assert.Equal(bullets, Hulpvragen.Onderdeel1.Concat(Hulpvragen.Onderdeel2).Concat(Hulpvragen.Onderdeel3).ToArray());
    }

    [Theory]
    [InlineData(Hulpvragen.Sectie1)]
    [InlineData(Hulpvragen.Sectie2)]
    [InlineData(Hulpvragen.Sectie3)]
    [InlineData(Hulpvragen.Sectie4)]
    [InlineData(Hulpvragen.BetrokkenProfessionals)]
    [InlineData(Hulpvragen.Naam)]
    [InlineData(Hulpvragen.Functie)]
    [InlineData(Hulpvragen.Organisatie)]
    [InlineData(Hulpvragen.Contact)]
    [InlineData(Hulpvragen.Datum)]
    [InlineData(Hulpvragen.MomentVraag)]
    [InlineData(Hulpvragen.FormTitle)]
    public void Labels_AppearVerbatimInTheSeedForm(string label)
    {
        Assert.Contains(SeedLines, l => l.Contains(label, StringComparison.Ordinal));
    }

    [Fact]
    public void Moments_AreTheSeedsFourMomentsVerbatim()
    {
        int start = Array.FindIndex(SeedLines, l => l.StartsWith(Hulpvragen.MomentVraag, StringComparison.Ordinal));
        string[] seedMoments = [.. SeedLines.Skip(start + 1).Take(4).Select(Bullet)];

        Assert.Equal(Moments.Text[Moment.MeerdereInstanties], seedMoments[0]);
        Assert.Equal(Moments.Text[Moment.OnduidelijkWieRegieHeeft], seedMoments[1]);
        Assert.Equal(Moments.Text[Moment.ProfessionalsGewijzigd], seedMoments[2]);
        Assert.StartsWith(Moments.Text[Moment.Evaluatiemoment], seedMoments[3].Replace("[bookmark: _Hlk216078202]", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string[] SeedSection(string heading)
    {
        int start = Array.FindIndex(SeedLines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, heading);
        return [.. SeedLines.Skip(start + 1).TakeWhile(l => l.StartsWith('·')).Select(Bullet)];
    }

    private static string Bullet(string line) => line.TrimStart('·').Trim();
}
