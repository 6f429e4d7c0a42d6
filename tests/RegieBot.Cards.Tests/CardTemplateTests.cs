using System.Text.Json.Nodes;

namespace RegieBot.Cards.Tests;

public sealed class CardTemplateTests
{
    private static JsonObject Expand(string template, string data) =>
        CardTemplate.Parse("test", template).Expand(JsonNode.Parse(data));

    [Fact]
    public void Expand_WholeStringBinding_KeepsTheJsonType()
    {
        JsonObject card = Expand("""{"n":"${count}","b":"${flag}","o":"${obj}"}""", """{"count":3,"flag":true,"obj":{"a":1}}""");

        Assert.Equal(3, (int)card["n"]!);
        Assert.True((bool)card["b"]!);
        Assert.Equal(1, (int)card["o"]!["a"]!);
    }

    [Fact]
    public void Expand_BindingInsideText_InsertsTheText()
    {
        JsonObject card = Expand("""{"text":"Casus ${casus.alias}, versie ${versie}"}""", """{"casus":{"alias":"Familie T."},"versie":2}""");

        Assert.Equal("Casus Familie T., versie 2", (string?)card["text"]);
    }

    [Fact]
    public void Expand_UserTextWithJsonAndMarkup_StaysAPlainStringValue()
    {
        const string evil = "\"}],\"actions\":[{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil\"}] ${x}";
        JsonObject data = new() { ["name"] = evil, ["x"] = "X" };

        JsonObject card = CardTemplate.Parse("t", """{"body":[{"type":"TextBlock","text":"${name}"}]}""").Expand(data);

        Assert.Equal(evil, (string?)card["body"]![0]!["text"]);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Expand_MissingValue_StaysAsItsBindingAsInTheOfficialEngine()
    {
        JsonObject card = Expand("""{"a":"Hallo ${voornaam}!","b":"${voornaam}","c":"${kaart.titel}","d":null}""", """{"kaart":null}""");

        Assert.Equal("Hallo ${voornaam}!", (string?)card["a"]);
        Assert.Equal("${voornaam}", (string?)card["b"]);
        Assert.Equal("${kaart.titel}", (string?)card["c"]);
        Assert.True(card.ContainsKey("d"));
    }

    [Fact]
    public void Expand_BindingToNull_IsANullPropertyAsInTheOfficialEngine()
    {
        JsonObject card = Expand("""{"id":"${viewer}"}""", """{"viewer":null}""");

        Assert.True(card.ContainsKey("id"));
        Assert.Null(card["id"]);
    }

    [Fact]
    public void Expand_NullInsideText_IsEmptyTextWhereTheOfficialEngineThrows()
    {
        JsonObject card = Expand("""{"text":"Hallo ${voornaam}!"}""", """{"voornaam":null}""");

        Assert.Equal("Hallo !", (string?)card["text"]);
    }

    [Fact]
    public void Expand_CountOfMissingValue_IsZeroWhereTheOfficialEngineCountsTheBindingsCharacters()
    {
        JsonObject card = Expand("""{"n":"${count(items)}","s":"${count(name)}"}""", """{"name":"abc"}""");

        Assert.Equal(0, (int)card["n"]!);
        Assert.Equal(3, (int)card["s"]!);
    }

    [Theory]
    [InlineData("""{"card":{"$when":"${show}","text":"x"}}""")]
    [InlineData("""{"card":{"$data":"${kaart}","text":"${titel}"}}""")]
    public void Expand_DataOrWhenOutsideAnArrayItem_Throws(string template)
    {
        Assert.Throws<FormatException>(() => Expand(template, """{"show":true,"kaart":{"titel":"t"}}"""));
    }

    [Fact]
    public void Expand_DataOverArray_RepeatsTheElementPerItemWithIndexAndRoot()
    {
        JsonObject card = Expand(
            """{"body":[{"type":"TextBlock","$data":"${items}","text":"${$index}: ${name} (${$root.casus})"},{"type":"TextBlock","text":"einde"}]}""",
            """{"casus":"K","items":[{"name":"a"},{"name":"b"},{"name":"c"}]}""");

        JsonArray body = card["body"]!.AsArray();
        Assert.Equal(4, body.Count);
        Assert.Equal("0: a (K)", (string?)body[0]!["text"]);
        Assert.Equal("2: c (K)", (string?)body[2]!["text"]);
        Assert.Equal("einde", (string?)body[3]!["text"]);
        Assert.Null(body[0]!["$data"]);
    }

    [Fact]
    public void Expand_DataOverStringArray_BindsDollarData()
    {
        JsonObject card = Expand("""{"body":[{"$data":"${list}","text":"• ${$data}"}]}""", """{"list":["x","y"]}""");

        Assert.Equal(["• x", "• y"], card["body"]!.AsArray().Select(n => (string?)n!["text"]));
    }

    [Fact]
    public void Expand_DataOverEmptyArray_RemovesTheElement()
    {
        JsonObject card = Expand("""{"body":[{"$data":"${list}","text":"${$data}"}]}""", """{"list":[]}""");

        Assert.Empty(card["body"]!.AsArray());
    }

    [Fact]
    public void Expand_DataOverObject_ChangesScope()
    {
        JsonObject card = Expand("""{"body":[{"$data":"${kaart}","text":"${titel}"}]}""", """{"kaart":{"titel":"Regiekaart"}}""");

        Assert.Equal("Regiekaart", (string?)card["body"]![0]!["text"]);
    }

    [Theory]
    [InlineData("${show}", """{"show":true}""", true)]
    [InlineData("${show}", """{"show":false}""", false)]
    [InlineData("${show}", "{}", false)]
    [InlineData("${!show}", """{"show":false}""", true)]
    [InlineData("${count(items) > 0}", """{"items":[1]}""", true)]
    [InlineData("${count(items) > 0}", """{"items":[]}""", false)]
    [InlineData("${count(items) >= 2}", """{"items":[1,2]}""", true)]
    [InlineData("${status == 'Afgesloten'}", """{"status":"Afgesloten"}""", true)]
    [InlineData("${status != 'Afgesloten'}", """{"status":"Afgesloten"}""", false)]
    [InlineData("${name}", """{"name":""}""", false)]
    [InlineData("${a.b[1] == 7}", """{"a":{"b":[0,7]}}""", true)]
    [InlineData("${a.b[1]}", """{"a":{"b":[0,7]}}""", false)]   // not a boolean: false, as in the official engine
    [InlineData("${!name}", """{"name":""}""", false)]           // "" and 0 are true for '!', as in adaptive-expressions
    [InlineData("${!zero}", """{"zero":0}""", false)]
    [InlineData("${!missing}", "{}", true)]
    public void Expand_When_KeepsOrDropsTheElement(string when, string data, bool kept)
    {
        JsonObject card = Expand($$"""{"body":[{"type":"TextBlock","$when":"{{when}}","text":"x"}]}""", data);

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void Expand_WhenInsideRepetition_IsEvaluatedPerItem()
    {
        JsonObject card = Expand(
            """{"body":[{"$data":"${people}","$when":"${confirmed}","text":"${name}"}]}""",
            """{"people":[{"name":"a","confirmed":true},{"name":"b","confirmed":false},{"name":"c","confirmed":true}]}""");

        Assert.Equal(["a", "c"], card["body"]!.AsArray().Select(n => (string?)n!["text"]));
    }

    [Theory]
    [InlineData("${foo(bar)}")]
    [InlineData("${a + b}")]
    [InlineData("${a.}")]
    public void Expand_UnsupportedExpression_Throws(string binding)
    {
        Assert.Throws<FormatException>(() => Expand($$"""{"text":"{{binding}}"}""", "{}"));
    }

    [Fact]
    public void Expand_Twice_DoesNotChangeTheTemplate()
    {
        CardTemplate template = CardTemplate.Parse("t", """{"body":[{"$data":"${l}","text":"${$data}"}]}""");

        JsonObject first = template.Expand(JsonNode.Parse("""{"l":["a"]}"""));
        JsonObject second = template.Expand(JsonNode.Parse("""{"l":["b","c"]}"""));

        Assert.Single(first["body"]!.AsArray());
        Assert.Equal(2, second["body"]!.AsArray().Count);
    }

    [Fact]
    public void Expand_WhenComparesNumbersBuiltInCSharp()
    {
        JsonObject data = new() { ["versie"] = 2, ["groot"] = 3_000_000_000L, ["bedrag"] = 1.5m };

        JsonObject card = CardTemplate.Parse("t", """{"body":[{"$when":"${versie > 1}","text":"a"},{"$when":"${groot > 1}","text":"b"},{"$when":"${bedrag < 2}","text":"c"}]}""").Expand(data);

        Assert.Equal(3, card["body"]!.AsArray().Count);
    }
}
