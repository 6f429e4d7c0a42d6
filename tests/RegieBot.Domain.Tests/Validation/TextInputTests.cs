using RegieBot.Domain.Validation;

namespace RegieBot.Domain.Tests.Validation;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("  Familie   T. ", "Familie T.")]
    [InlineData("a\tb\u0000c", "a b c")]
    [InlineData(null, "")]
    [InlineData("Fam\u200Bilie\u202E T.\u2066", "Familie T.")]   // zero-width and bidi characters are not kept
    public void Clean_CollapsesWhitespaceAndDropsControlCharacters(string? input, string expected)
    {
        Assert.Equal(expected, TextInput.Clean(input));
    }

    [Fact]
    public void Clean_KeepLineBreaks_KeepsLines()
    {
        Assert.Equal("een\ntwee", TextInput.Clean(" een \r\n twee ", keepLineBreaks: true));
    }

    [Fact]
    public void Check_TooLong_SaysTheLimit()
    {
        Assert.Equal("Naam is te lang: 5 tekens, er mogen er maximaal 4.", TextInput.Check("Naam", "abcde", 4, required: true));
    }

    [Fact]
    public void Check_RequiredEmpty_SaysItIsRequired()
    {
        Assert.Equal("Functie is verplicht.", TextInput.Check("Functie", string.Empty, 10, required: true));
        Assert.Null(TextInput.Check("Functie", string.Empty, 10, required: false));
    }

    [Fact]
    public void Check_Bsn_IsRefusedWithExplanation()
    {
        string? error = TextInput.Check("Telefoonnummer/email", "123456782", 100, required: false);

        Assert.NotNull(error);
        Assert.Contains("burgerservicenummer", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456782")]
    [InlineData("123\u200B456\u200B782")]
    [InlineData("１２３４５６７８２")]
    [InlineData("123/456/782")]
    [InlineData("123 - 456 - 782")]
    [InlineData("T")]
    [InlineData("Familie met een heel erg lange naam die niemand onthoudt")]
    public void CheckCasus_BadAlias_IsRefused(string casus)
    {
        Assert.NotNull(TextInput.CheckCasus(casus));
    }

    [Fact]
    public void CheckCasus_ShortAlias_IsAccepted()
    {
        Assert.Null(TextInput.CheckCasus("Familie T."));
    }
}
