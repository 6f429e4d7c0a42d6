using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RegieBot.Storage;

/// <summary>
/// A reversible encoding that makes any string a valid PartitionKey or RowKey. Table keys forbid
/// <c>/ \ # ?</c> and control characters; we also escape <c>%</c> and <c>'</c> (trouble in URLs and
/// filters) and the escape character <c>~</c> itself, each as <c>~XX</c> (UTF-16 code unit in hex,
/// <c>~uXXXX</c> above 0xFF).
/// </summary>
public static class TableKey
{
    private const char Escape = '~';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        StringBuilder builder = new(value.Length + 8);
        foreach (char c in value)
        {
            if (!NeedsEscape(c))
            {
                builder.Append(c);
            }
            else if (c <= 0xFF)
            {
                builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(Escape).Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains(Escape, StringComparison.Ordinal))
        {
            return key;
        }

        StringBuilder builder = new(key.Length);
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] != Escape)
            {
                builder.Append(key[i]);
                continue;
            }

            bool wide = i + 1 < key.Length && key[i + 1] == 'u';
            int digits = wide ? 4 : 2;
            int start = i + (wide ? 2 : 1);
            if (start + digits > key.Length
                || !int.TryParse(key.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                throw new FormatException("Not a valid encoded table key.");
            }

            builder.Append((char)code);
            i = start + digits - 1;
        }

        return builder.ToString();
    }

    /// <summary>A short, fixed-length key derived from a value, for ids that may be long or personal.</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or '\'' or Escape || char.IsControl(c) || char.IsSurrogate(c);
}
