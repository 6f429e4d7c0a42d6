using System.Text.RegularExpressions;

namespace RegieBot.Domain.Validation;

/// <summary>
/// Recognises citizen service numbers (BSN): nine digits, possibly grouped with spaces, dots or dashes,
/// that pass the elfproef. RegieBot never stores one: any field containing one is refused.
/// </summary>
public static partial class Bsn
{
    public static bool ContainsBsn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in NineDigits().Matches(text))
        {
            if (PassesElfproef(Digits(match.Value)))
            {
                return true;
            }
        }

        return false;
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

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    // Nine digits with at most one separator between two digits, not part of a longer number.
    [GeneratedRegex(@"(?<![\d])\d(?:[ .\-]?\d){8}(?![\d])")]
    private static partial Regex NineDigits();
}
