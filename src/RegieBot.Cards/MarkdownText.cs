using System.Text;

namespace RegieBot.Cards;

/// <summary>
/// Typed text (names, reasons) inside a TextBlock, which Teams renders as markdown. Cards put typed text in TextRuns,
/// which are plain; only a sentence with an <c>&lt;at&gt;</c> mention must be a TextBlock, and what it holds of a
/// user goes through here. Markdown's own backslash escapes, never HTML entities: Teams shows an entity as its text.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// The text with every character that could start a link, an autolink, emphasis, a tag (also <c>&lt;at&gt;</c>),
    /// an entity, a list, a heading or a quote escaped; line breaks become spaces. Letters, digits, apostrophes,
    /// hyphens inside a name, dots and commas stay as they are.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int marker = LeadingMarker(text);
        StringBuilder escaped = new(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c))
            {
                escaped.Append(' ');
                continue;
            }

            if (i == marker
                || c is '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '<' or '>' or '&' or ':' or '@'
                || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Where a list or heading marker starts the text ("- ", "+ ", "# ", "1. ", "2) "); -1 when none does.</summary>
    private static int LeadingMarker(string text)
    {
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] is '-' or '+' or '#')
        {
            return i;
        }

        int digits = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > digits && i < text.Length && text[i] is '.' or ')' ? i : -1;
    }
}
