using System.Buffers;
using System.Text;
using System.Text.Json;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests.Schema;

public sealed class JsonStringsTests
{
    [Theory]
    [InlineData("""{"type":"message","text":"héllo \u00e9 \ud83d\ude00"}""")]
    [InlineData("""{"value":{"action":{"verb":"x","data":{"k":"v\n"}}},"n":[1,true,null]}""")]
    [InlineData("""{"\u00e9":"é"}""")]
    public void AreWellFormed_DecodableStrings_IsTrue(string json)
    {
        Assert.True(JsonStrings.AreWellFormed(Sequence(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData("""{"value":{"action":{"data":{"k":"x\ud800y"}}}}""")]   // a lone high surrogate
    [InlineData("""{"value":{"k":"\udc00"}}""")]                       // a lone low surrogate
    [InlineData("""{"x\ud800":"property name"}""")]
    public void AreWellFormed_LoneSurrogate_IsFalse(string json)
    {
        Assert.False(JsonStrings.AreWellFormed(Sequence(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void AreWellFormed_InvalidUtf8_IsFalse(byte[] bad)
    {
        byte[] json = [.. "{\"value\":{\"k\":\"a"u8, .. bad, .. "\"}}"u8];

        Assert.False(JsonStrings.AreWellFormed(Sequence(json)));
    }

    [Fact]
    public void AreWellFormed_InvalidUtf8NextToAnEscape_IsFalse()
    {
        byte[] json = [.. "{\"k\":\"\\n"u8, 0xFF, .. "\"}"u8];

        Assert.False(JsonStrings.AreWellFormed(Sequence(json)));
    }

    [Fact]
    public void AreWellFormed_NotJson_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => JsonStrings.AreWellFormed(Sequence("{\"a\":"u8.ToArray())));
    }

    [Theory]
    [InlineData("""{"type":"message","type":"invoke"}""")]
    [InlineData("""{"type":"message","t\u0079pe":"invoke"}""")]
    [InlineData("""{"value":{"action":{"verb":"a","data":{"k":1}},"action":{}}}""")]
    [InlineData("""{"a":[{"b":1},{"b":2,"c":{},"b":3}]}""")]
    public void FindFault_PropertyNamedTwice_IsDuplicateProperty(string json)
    {
        Assert.Equal(JsonTextFault.DuplicateProperty, JsonStrings.FindFault(Sequence(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData("""{"id":"1","from":{"id":"2"},"value":{"data":{"id":"3"}},"list":[{"id":4},{"id":5}]}""")]
    [InlineData("""{"type":"message","Type":"invoke"}""")]
    [InlineData("""[{"a":1},{"a":2}]""")]
    public void FindFault_SameNameInOtherObjectsOrCase_IsNone(string json)
    {
        Assert.Equal(JsonTextFault.None, JsonStrings.FindFault(Sequence(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void FindFault_LoneSurrogateBeforeADuplicate_IsTheString()
    {
        Assert.Equal(JsonTextFault.StringNotUnicode, JsonStrings.FindFault(Sequence(Encoding.UTF8.GetBytes("""{"a":"\ud800","a":1}"""))));
    }

    private static ReadOnlySequence<byte> Sequence(byte[] bytes) => new(bytes);
}
