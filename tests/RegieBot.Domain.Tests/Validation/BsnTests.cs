using RegieBot.Domain.Validation;

namespace RegieBot.Domain.Tests.Validation;

public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("BSN 123456782")]
    [InlineData("1234.56.782")]
    [InlineData("123 456 782")]
    [InlineData("12-34-56-782")]
    [InlineData("Familie T. (123456782)")]
    [InlineData("123\u200B456\u200B782")]       // zero-width spaces
    [InlineData("123\u2060456\uFEFF782")]       // word joiner, zero-width no-break space
    [InlineData("\u202E123456782\u202C")]       // bidi override around it
    [InlineData("123\u200E456\u200F782")]       // direction marks
    [InlineData("１２３４５６７８２")]             // full-width digits
    [InlineData("١٢٣٤٥٦٧٨٢")]                    // Arabic-Indic digits
    [InlineData("123/456/782")]
    [InlineData("123 - 456 - 782")]
    [InlineData("123\u00A0456\u00A0782")]       // no-break spaces
    [InlineData("123\u2013456\u2013782")]       // en dashes
    [InlineData("123_456_782")]
    [InlineData("12,34,56,782")]
    [InlineData("123 456 782 2")]                 // a BSN followed by another number
    [InlineData("nr: 1 23 45 67 82")]
    [InlineData("111;222;333")]
    [InlineData("111'222'333")]
    [InlineData("(111)222333")]
    [InlineData("[111] 222 333")]
    [InlineData("111+222+333")]
    [InlineData("111*222*333")]
    [InlineData("111 ; 222 ; 333")]
    [InlineData("111’222’333")]         // typographic apostrophes
    [InlineData("+123456782")]                    // a BSN written like a phone number is still one
    public void ContainsBsn_NineDigitsPassingElfproef_IsTrue(string text)
    {
        Assert.True(Bsn.ContainsBsn(text));
    }

    [Theory]
    [InlineData("123456789")]          // fails the elfproef
    [InlineData("000000000")]          // all zeros
    [InlineData("0612345678")]         // a mobile number: ten digits
    [InlineData("06-12345678")]
    [InlineData("1234567820")]         // a valid BSN inside a longer number is not a BSN
    [InlineData("12345678")]
    [InlineData("06 1234 5678")]
    [InlineData("Familie T.")]
    [InlineData("")]
    [InlineData(null)]
    public void ContainsBsn_OtherText_IsFalse(string? text)
    {
        Assert.False(Bsn.ContainsBsn(text));
    }

    /// <summary>Texts a professional writes that hold numbers but no BSN; each must be accepted.</summary>
    public static TheoryData<string> HarmlessTexts =>
    [
        "Evaluatie op 07-12-2026",
        "Evaluatie op 7 december 2026",
        "Overleg om 09:30",
        "Overleg 07-12-2026 van 09:30 tot 11:00",
        "Bel 06-12345678",
        "Bel 06 12345678 of 020-1234567",
        "Bel +31 6 1234 5678",
        "Bel +31 6 1234 5671",                    // the nine digits after +31 pass the elfproef: still a phone number
        "+31612345683",
        "(06) 1234 5678",
        "Postcode 1234 AB",
        "Kosten € 1.234,56 per maand",
        "€ 12.345,67",
        "123456789",                              // nine digits that fail the elfproef
        "123;456;789",
        "Dossier 12-34-56",
        "Afspraak 1) school 2) thuis 3) wijkteam",
    ];

    [Theory]
    [MemberData(nameof(HarmlessTexts))]
    public void ContainsBsn_HarmlessTextWithNumbers_IsFalse(string text)
    {
        Assert.False(Bsn.ContainsBsn(text));
    }

    /// <summary>Neither letters nor digits, and stable under NFKC (a character that normalises to more is another test).</summary>
    private const string SeparatorPool = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\u00A7\u00AB\u00B0\u00B7\u00BB\u00D7\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u20AC\u2212";

    [Theory]
    [InlineData(2812, true)]
    [InlineData(2813, false)]
    public void ContainsBsn_NineDigitsWithAnyShortSeparatorRuns_IsTheElfproef(int seed, bool passesElfproef)
    {
        Random random = new(seed);
        for (int i = 0; i < 2000; i++)
        {
            string text = "casus " + Grouped(random, RandomDigits(random, passesElfproef)) + " besproken";

            Assert.True(Bsn.ContainsBsn(text) == passesElfproef, $"{(passesElfproef ? "not found" : "found")} in: {text}");
        }
    }

    [Fact]
    public void SeparatorPool_IsNeitherLettersNorDigitsAndStable()
    {
        Assert.All(SeparatorPool, c => Assert.False(char.IsLetterOrDigit(c)));
        Assert.Equal(SeparatorPool, SeparatorPool.Normalize(System.Text.NormalizationForm.FormKC), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("111222334", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    public void PassesElfproef_ComputesTheWeightedSum(string digits, bool expected)
    {
        Assert.Equal(expected, Bsn.PassesElfproef(digits));
    }

    private static string RandomDigits(Random random, bool passesElfproef)
    {
        while (true)
        {
            string digits = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + random.Next(10))));
            if (Bsn.PassesElfproef(digits) == passesElfproef)
            {
                return digits;
            }
        }
    }

    /// <summary>The digits in two to five groups, each pair joined by one to three separators.</summary>
    private static string Grouped(Random random, string digits)
    {
        int groups = random.Next(2, 6);
        SortedSet<int> cuts = [];
        while (cuts.Count < groups - 1)
        {
            cuts.Add(random.Next(1, digits.Length));
        }

        System.Text.StringBuilder text = new();
        int from = 0;
        foreach (int cut in cuts.Append(digits.Length))
        {
            if (from > 0)
            {
                text.Append(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => SeparatorPool[random.Next(SeparatorPool.Length)])));
            }

            text.Append(digits, from, cut - from);
            from = cut;
        }

        return text.ToString();
    }
}
