using System.Security.Cryptography;
using System.Text;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Confirmations;

/// <summary>
/// What a professional confirms: their own entry, their regievorm, whether they are aanspreekpunt or bewaker,
/// and every agreement that names them. A change to any of these resets their confirmation.
/// </summary>
public static class RoleFingerprints
{
    public static string Of(KaartContent content, Professional professional)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(professional);
        StringBuilder text = new();
        foreach (string part in new[] { professional.Naam, professional.Functie, professional.Organisatie, professional.Contact, professional.Regievorm.ToString() })
        {
            text.Append(part.Length).Append(':').Append(part).Append('|');
        }

        text.Append(content.AanspreekpuntId == professional.Id ? "A" : "-").Append(content.BewakerId == professional.Id ? "B" : "-").Append('|');
        foreach (Agreement agreement in content.Regievoeren.Concat(content.Afstemming).Where(a => Names(a.Text, professional)))
        {
            text.Append(agreement.Text.Length).Append(':').Append(agreement.Text).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>An agreement names a professional when it contains their full name or their first name.</summary>
    public static bool Names(string agreement, Professional professional)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(professional);
        string first = professional.Naam.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return ContainsWord(agreement, professional.Naam) || (first.Length >= 3 && ContainsWord(agreement, first));
    }

    private static bool ContainsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        for (int i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool startOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            int end = i + word.Length;
            bool endOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk)
            {
                return true;
            }
        }

        return false;
    }
}
