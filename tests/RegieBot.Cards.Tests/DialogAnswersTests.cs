using System.Text.Json;
using System.Text.Json.Nodes;
using RegieBot.Domain.Dialogs;

namespace RegieBot.Cards.Tests;

/// <summary>What the step card writes is read back: every button and input of the template, through <see cref="DialogAnswers"/>.</summary>
public sealed class DialogAnswersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DialogCard Card = new(new CardTemplates());

    public static TheoryData<DialogStep> OpenSteps() => [.. Enum.GetValues<DialogStep>()];

    [Theory]
    [MemberData(nameof(OpenSteps))]
    public void Every_button_of_a_step_card_parses_back_to_its_step_and_revision(DialogStep step)
    {
        DialogState state = SampleKaarten.Dialog(step) with { Revision = 7 };
        JsonObject card = Card.Build(state, [], null, SampleKaarten.Members);

        List<DialogAnswer> answers = [.. Buttons(card).Select(data => DialogAnswers.Parse(Click(card, data), "aad-1", Now))];

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal((step, 7), (a.Step, a.Revision)));
        Assert.All(answers, a => Assert.True(Enum.IsDefined(a.Action), $"{step}: an action the dialog does not know"));
        Assert.All(answers, a => Assert.Equal(Inputs(card).Select(i => i.Id).Order(StringComparer.Ordinal), a.Fields.Keys.Order(StringComparer.Ordinal)));
        Assert.Contains(answers, a => a.Action == DialogAction.Next);
        Assert.Contains(answers, a => a.Action == DialogAction.Cancel);
    }

    [Fact]
    public void The_professionals_step_adds_and_removes_the_professional_its_button_names()
    {
        DialogState state = SampleKaarten.Dialog(DialogStep.Professionals);
        JsonObject card = Card.Build(state, [], null, SampleKaarten.Members);

        List<DialogAnswer> answers = [.. Buttons(card).Select(data => DialogAnswers.Parse(Click(card, data), "aad-1", Now))];

        Assert.Contains(answers, a => a.Action == DialogAction.AddProfessional);
        Assert.Equal(
            state.Draft.Professionals.Select(p => p.Id),
            answers.Where(a => a.Action == DialogAction.RemoveProfessional).Select(a => a.ProfessionalId));
    }

    [Fact]
    public void What_was_typed_comes_back_as_the_fields_with_who_and_when()
    {
        DialogState state = SampleKaarten.Dialog(DialogStep.Regievoeren);
        JsonObject card = Card.Build(state, [], null, []);
        JsonObject next = Buttons(card).Single(b => (string?)b[DialogAnswers.Action] == "volgende");
        Dictionary<string, string> click = Click(card, next);
        click[DialogFields.Afspraken] = "Ahmed belt de school\nSanne plant het overleg";

        DialogAnswer answer = DialogAnswers.Parse(click, "aad-1", Now);

        Assert.Equal("Ahmed belt de school\nSanne plant het overleg", Assert.Single(answer.Fields, f => f.Key == DialogFields.Afspraken).Value);
        Assert.Equal(("aad-1", Now, null), (answer.Actor, answer.At, answer.Member));
    }

    [Fact]
    public void A_click_without_the_buttons_data_is_no_step_the_dialog_knows()
    {
        DialogAnswer answer = DialogAnswers.Parse(new Dictionary<string, string> { ["step"] = "Onbekend", ["revision"] = "x", ["action"] = "opslaan" }, "aad-1", Now);

        Assert.False(Enum.IsDefined(answer.Action));
        Assert.False(Enum.IsDefined(answer.Step));
        Assert.Equal(-1, answer.Revision);
        Assert.Empty(answer.Fields);
    }

    [Theory]
    [InlineData("aad-2", "aad-2")]
    [InlineData(DialogFields.External, null)]
    [InlineData("", null)]
    public void The_member_picker_names_a_colleague_but_never_extern(string picked, string? expected)
    {
        Assert.Equal(expected, DialogAnswers.ChosenMember(new Dictionary<string, string> { [DialogFields.Member] = picked }));
    }

    [Fact]
    public void No_member_picked_is_none()
    {
        Assert.Null(DialogAnswers.ChosenMember(new Dictionary<string, string> { [DialogFields.Naam] = "Kees" }));
    }

    /// <summary>The data of every <c>dialoog</c> button on the card.</summary>
    private static IEnumerable<JsonObject> Buttons(JsonNode? node) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "Action.Execute" && (string?)obj["verb"] == DialogCard.Verb => [obj["data"]!.AsObject()],
        JsonObject obj => obj.SelectMany(p => Buttons(p.Value)),
        JsonArray array => array.SelectMany(Buttons),
        _ => [],
    };

    /// <summary>The inputs on the card, with the value the card shows.</summary>
    private static IEnumerable<(string Id, string Value)> Inputs(JsonNode? node) => node switch
    {
        JsonObject obj when ((string?)obj["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true
            => [((string)obj["id"]!, obj["value"] is JsonValue v ? v.ToString() : string.Empty)],
        JsonObject obj => obj.SelectMany(p => Inputs(p.Value)),
        JsonArray array => array.SelectMany(Inputs),
        _ => [],
    };

    /// <summary>What Teams sends for a click: the button's data, each value as a string, merged with every input of the card.</summary>
    private static Dictionary<string, string> Click(JsonObject card, JsonObject data)
    {
        Dictionary<string, string> click = data.ToDictionary(
            p => p.Key,
            p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString(),
            StringComparer.Ordinal);
        foreach ((string id, string value) in Inputs(card))
        {
            click[id] = value;
        }

        return click;
    }
}
