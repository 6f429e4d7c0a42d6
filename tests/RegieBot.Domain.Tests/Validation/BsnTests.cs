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

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("111222334", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    public void PassesElfproef_ComputesTheWeightedSum(string digits, bool expected)
    {
        Assert.Equal(expected, Bsn.PassesElfproef(digits));
    }
}
