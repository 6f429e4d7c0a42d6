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
