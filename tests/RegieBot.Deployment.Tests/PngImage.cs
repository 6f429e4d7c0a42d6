using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace RegieBot.Deployment.Tests;

/// <summary>
/// Reads a PNG into RGBA pixels independently of the generator: checks the signature and chunk CRCs
/// (System.IO.Hashing), inflates IDAT and undoes all five row filters. Supports 8-bit RGB and RGBA without
/// interlacing (what icons use).
/// </summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            int i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public static PngImage Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int width = 0, height = 0, colorType = -1;
        using MemoryStream idat = new();
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = Encoding.ASCII.GetString(png, pos + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(pos + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            if (Crc32.HashToUInt32(png.AsSpan(pos + 4, length + 4)) != crc)
            {
                throw new InvalidDataException($"bad CRC in {type}");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colorType = data[9];
                    if (data[8] != 8 || colorType is not (2 or 6) || data[12] != 0)
                    {
                        throw new InvalidDataException("only 8-bit RGB/RGBA without interlace");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            pos += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        int channels = colorType == 6 ? 4 : 3;
        int stride = width * channels;
        byte[] raw = new byte[height * (stride + 1)];
        idat.Position = 0;
        using (ZLibStream zlib = new(idat, CompressionMode.Decompress))
        {
            zlib.ReadExactly(raw);
        }

        byte[] pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                int value = raw[(y * (stride + 1)) + 1 + x];
                pixels[(y * stride) + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) / 2),
                    4 => value + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
        }

        byte[] rgba = new byte[width * height * 4];
        for (int i = 0, j = 0; i < pixels.Length; i += channels, j += 4)
        {
            rgba[j] = pixels[i];
            rgba[j + 1] = pixels[i + 1];
            rgba[j + 2] = pixels[i + 2];
            rgba[j + 3] = channels == 4 ? pixels[i + 3] : (byte)255;
        }

        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
