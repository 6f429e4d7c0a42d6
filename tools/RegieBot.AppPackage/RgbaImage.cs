namespace RegieBot.AppPackage;

/// <summary>A straight (not premultiplied) 8-bit RGBA raster, row by row from the top.</summary>
internal sealed class RgbaImage
{
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void Set(int x, int y, byte r, byte g, byte b, byte a)
    {
        int i = ((y * Width) + x) * 4;
        Pixels[i] = r;
        Pixels[i + 1] = g;
        Pixels[i + 2] = b;
        Pixels[i + 3] = a;
    }
}
