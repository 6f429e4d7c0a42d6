using RegieBot.AppPackage;

namespace RegieBot.Deployment.Tests.Manifest;

public sealed class IconTests
{
    private static PngImage Committed(string file) => PngImage.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, file)));

    [Fact]
    public void ColorIcon_Committed_Is192x192FullColourAndOpaque()
    {
        PngImage icon = Committed("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        Assert.Equal((IconPainter.Accent.R, IconPainter.Accent.G, IconPainter.Accent.B, (byte)255), icon[0, 0]);
        Assert.Contains(icon.Pixels(), p => p is { R: 255, G: 255, B: 255 });   // the symbol
    }

    [Fact]
    public void OutlineIcon_Committed_Is32x32WhiteOnTransparent()
    {
        PngImage icon = Committed("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(icon.Pixels().Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, icon[0, 0].A);
        Assert.Equal(0, icon[31, 31].A);
        int transparent = icon.Pixels().Count(p => p.A == 0);
        int opaque = icon.Pixels().Count(p => p.A == 255);
        Assert.InRange(transparent, 32 * 32 / 3, 32 * 32);
        Assert.InRange(opaque, 32 * 32 / 10, 32 * 32);
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void Icons_Committed_AreWhatTheGeneratorDraws(string file)
    {
        RgbaImage drawn = file == "color.png" ? IconPainter.PaintColor() : IconPainter.PaintOutline();

        PngImage committed = Committed(file);
        PngImage encoded = PngImage.Decode(PngEncoder.Encode(drawn));

        Assert.True(committed.Rgba.AsSpan().SequenceEqual(drawn.Pixels),
            $"manifest/{file} differs from the generator: run 'dotnet run --project tools/RegieBot.AppPackage -- icons'.");
        Assert.Equal(drawn.Pixels, encoded.Rgba);
    }
}
