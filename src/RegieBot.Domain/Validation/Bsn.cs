using System.Globalization;
using System.Text;

namespace RegieBot.Domain.Validation;

/// <summary>
/// Recognises citizen service numbers (BSN): nine digits that pass the elfproef, however they are written.
/// RegieBot never stores one: any field containing one is refused. Before looking, the text is normalised the
/// way a reader sees it: compatibility forms (NFKC: full-width digits), format and bidi characters (zero-width
/// spaces, direction marks) removed, any script's decimal digits read as digits. Digits may be grouped by up to
/// <see cref="MaxSeparatorRun"/> characters that are neither letters nor digits (spaces, dots, dashes, slashes,
/// semicolons, brackets, apostrophes, plus signs, asterisks, emoji: whatever a writer puts between groups);
/// any run of whole groups that holds exactly nine digits is checked, so a BSN inside a longer series of
/// groups is found too, while a longer unbroken number (a phone number) is not a BSN. A series that starts with
/// <c>+</c> is an international phone number: only runs from its first group count, so the nine digits after a
/// country code (<c>+31 6 1234 5678</c>) are not read as a BSN.
/// </summary>
public static class Bsn
{
    private const int MaxSeparatorRun = 3;

    public static bool ContainsBsn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        List<string> groups = [];
        int separators = 0;
        bool phone = false;
        char previous = '\0';
        StringBuilder group = new();
        foreach (char c in Readable(text))
        {
            if (char.IsAsciiDigit(c))
            {
                if (group.Length == 0 && separators > MaxSeparatorRun && AnyNine(groups, phone))
                {
                    return true;
                }

                if (group.Length == 0 && separators > MaxSeparatorRun)
                {
                    groups.Clear();
                }

                if (groups.Count == 0 && group.Length == 0)
                {
                    phone = previous == '+';
                }

                group.Append(c);
                separators = 0;
            }
            else if (IsSeparator(c) && (group.Length > 0 || groups.Count > 0))
            {
                EndGroup(groups, group);
                separators++;
            }
            else
            {
                EndGroup(groups, group);
                if (AnyNine(groups, phone))
                {
                    return true;
                }

                groups.Clear();
                separators = 0;
            }

            previous = c;
        }

        EndGroup(groups, group);
        return AnyNine(groups, phone);
    }

    /// <summary>9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (and not all zeros).</summary>
    public static bool PassesElfproef(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == '0'))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>The text as it reads: NFKC, without format characters, every decimal digit as an ASCII digit.</summary>
    internal static string Readable(string text)
    {
        string normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        StringBuilder builder = new(normalized.Length);
        foreach (char c in normalized)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(category == UnicodeCategory.DecimalDigitNumber && !char.IsAsciiDigit(c)
                ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c))
                : c);
        }

        return builder.ToString();
    }

    /// <summary>Anything but a letter or a digit may stand between the groups of a number.</summary>
    private static bool IsSeparator(char c) => !char.IsLetterOrDigit(c);

    private static void EndGroup(List<string> groups, StringBuilder group)
    {
        if (group.Length > 0)
        {
            groups.Add(group.ToString());
            group.Clear();
        }
    }

    /// <summary>
    /// Whether some run of whole consecutive groups has exactly nine digits that pass the elfproef; in a phone number
    /// (<paramref name="phone"/>) only a run from its first group.
    /// </summary>
    private static bool AnyNine(List<string> groups, bool phone)
    {
        for (int start = 0; start < (phone ? Math.Min(1, groups.Count) : groups.Count); start++)
        {
            int length = 0;
            for (int end = start; end < groups.Count && length < 9; end++)
            {
                length += groups[end].Length;
                if (length == 9 && PassesElfproef(string.Concat(groups.Skip(start).Take(end - start + 1))))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
