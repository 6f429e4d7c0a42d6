using System.Text;

namespace RegieBot.Domain.Validation;

/// <summary>Cleans and checks free text from users, with Dutch messages that say what is wrong.</summary>
public static class TextInput
{
    public const string BsnRefusal =
        "Dit lijkt op een burgerservicenummer (BSN). RegieBot slaat geen BSN op: gebruik een alias, zoals \"Familie T.\", en laat nummers weg.";

    /// <summary>
    /// Trims, removes control and format characters (zero-width, bidi overrides: they hide or reorder what a reader
    /// sees) and collapses runs of spaces (keeps line breaks when asked).
    /// </summary>
    public static string Clean(string? value, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        StringBuilder builder = new(value.Length);
        bool space = false;
        foreach (char c in value.Normalize(NormalizationForm.FormC))
        {
            if (keepLineBreaks && c == '\n')
            {
                builder.Append('\n');
                space = false;
            }
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0 && builder[^1] != '\n';
            }
            else
            {
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Null when the (cleaned) value is fine; otherwise the Dutch message for the field.</summary>
    public static string? Check(string label, string value, int maxLength, bool required)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return required ? $"{label} is verplicht." : null;
        }

        if (value.Length > maxLength)
        {
            return $"{label} is te lang: {value.Length} tekens, er mogen er maximaal {maxLength}.";
        }

        return Bsn.ContainsBsn(value) ? $"{label}: {BsnRefusal}" : null;
    }

    /// <summary>The casus alias: short, and never a BSN.</summary>
    public static string? CheckCasus(string casus)
    {
        ArgumentNullException.ThrowIfNull(casus);
        if (casus.Length < Limits.CasusMinLength)
        {
            return "Geef de casus een korte naam (alias), bijvoorbeeld: start Familie T.";
        }

        if (casus.Length > Limits.CasusMaxLength)
        {
            return $"De naam van de casus is te lang: {casus.Length} tekens, er mogen er maximaal {Limits.CasusMaxLength}. Gebruik een korte alias, zoals \"Familie T.\".";
        }

        return Bsn.ContainsBsn(casus) ? BsnRefusal : null;
    }
}
