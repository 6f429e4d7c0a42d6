namespace RegieBot.AppPackage;

/// <summary>
/// Draws RegieBot's icon: a regiekaart on a clipboard — a card with three rows, each a person (dot) and an
/// agreement (line). <c>color.png</c> is the white symbol on the accent colour, 192×192 with the symbol in the
/// central 120×120; <c>outline.png</c> is the same symbol white on transparent, 32×32. Edges are anti-aliased by
/// 4×4 supersampling; only alpha varies, the outline's colour stays pure white as Teams requires.
/// </summary>
internal static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The manifest's accentColor, #1F5C99.</summary>
    public static readonly (byte R, byte G, byte B) Accent = (0x1F, 0x5C, 0x99);

    private const int Samples = 4;

    public static RgbaImage PaintColor()
    {
        RgbaImage image = new(ColorSize, ColorSize);
        const double margin = (ColorSize - 120) / 2.0;
        for (int y = 0; y < ColorSize; y++)
        {
            for (int x = 0; x < ColorSize; x++)
            {
                double coverage = Coverage(x, y, margin, 120);
                image.Set(x, y, Blend(Accent.R, coverage), Blend(Accent.G, coverage), Blend(Accent.B, coverage), 255);
            }
        }

        return image;
    }

    public static RgbaImage PaintOutline()
    {
        RgbaImage image = new(OutlineSize, OutlineSize);
        for (int y = 0; y < OutlineSize; y++)
        {
            for (int x = 0; x < OutlineSize; x++)
            {
                byte alpha = (byte)Math.Round(Coverage(x, y, 1, OutlineSize - 2) * 255);
                image.Set(x, y, 255, 255, 255, alpha);
            }
        }

        return image;
    }

    /// <summary>The share of the pixel's samples inside the symbol drawn in the box (margin, margin, size, size).</summary>
    private static double Coverage(int px, int py, double margin, double size)
    {
        int inside = 0;
        for (int sy = 0; sy < Samples; sy++)
        {
            for (int sx = 0; sx < Samples; sx++)
            {
                double u = (px + ((sx + 0.5) / Samples) - margin) / size;
                double v = (py + ((sy + 0.5) / Samples) - margin) / size;
                if (InSymbol(u, v))
                {
                    inside++;
                }
            }
        }

        return inside / (double)(Samples * Samples);
    }

    /// <summary>The symbol in unit coordinates (0..1 both ways, y down).</summary>
    private static bool InSymbol(double u, double v)
    {
        const double stroke = 0.08;
        bool card = InRoundedRect(u, v, 0.12, 0.06, 0.88, 0.96, 0.11)
            && !InRoundedRect(u, v, 0.12 + stroke, 0.06 + stroke, 0.88 - stroke, 0.96 - stroke, 0.11 - stroke);
        bool clip = InRoundedRect(u, v, 0.35, 0.0, 0.65, 0.14, 0.05);
        bool rows = false;
        foreach (double row in (ReadOnlySpan<double>)[0.36, 0.56, 0.76])
        {
            rows |= InCircle(u, v, 0.31, row, 0.065) || InCapsule(u, v, 0.45, row, 0.71, row, 0.035);
        }

        return card || clip || rows;
    }

    private static bool InRoundedRect(double u, double v, double x0, double y0, double x1, double y1, double radius)
    {
        double cx = Math.Clamp(u, x0 + radius, x1 - radius);
        double cy = Math.Clamp(v, y0 + radius, y1 - radius);
        return u >= x0 && u <= x1 && v >= y0 && v <= y1 && Square(u - cx) + Square(v - cy) <= Square(radius);
    }

    private static bool InCircle(double u, double v, double cx, double cy, double radius) =>
        Square(u - cx) + Square(v - cy) <= Square(radius);

    private static bool InCapsule(double u, double v, double x0, double y0, double x1, double y1, double radius)
    {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.Clamp((((u - x0) * dx) + ((v - y0) * dy)) / (Square(dx) + Square(dy)), 0, 1);
        return Square(u - (x0 + (t * dx))) + Square(v - (y0 + (t * dy))) <= Square(radius);
    }

    private static double Square(double value) => value * value;

    private static byte Blend(byte background, double white) =>
        (byte)Math.Round((background * (1 - white)) + (255 * white));
}
