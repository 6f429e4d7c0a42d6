using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Dialog;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tests.Handlers;

public sealed class DialogStepsTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task An_answer_to_a_step_someone_else_answered_changes_nothing()
    {
        DialogState dialog = await StartAsync();
        int writes = _host.Store.Writes.Count;

        await AnswerAsync(dialog with { Revision = 5 }, "volgende", new() { [DialogFields.Moment] = "1" }, dialog);

        Assert.Equal(writes, _host.Store.Writes.Count);
        Assert.Equal(DialogStep.Moment, (await _host.Store.GetDialogAsync(dialog.KaartId, CancellationToken.None))!.Step);
    }

    [Fact]
    public async Task Cancelling_on_the_card_a_kaart_never_saved_erases_the_casus()
    {
        DialogState dialog = await StartAsync();

        TurnContext turn = await AnswerAsync(dialog, "annuleren", []);

        DialogState cancelled = (await _host.Store.GetDialogAsync(dialog.KaartId, CancellationToken.None))!;
        Assert.Equal(DialogStatus.Cancelled, cancelled.Status);
        Assert.Equal(new KaartContent(), cancelled.Draft);
        Assert.True(turn.ErasesItsCasus);
    }

    private async Task<DialogState> StartAsync()
    {
        await _host.Get<RegieConversation>().StartAsync(_host.Message("start Familie T."), "Familie T.", CancellationToken.None);
        string kaartId = (await _host.Store.FindByThreadAsync(HandlerHost.ThreadId, CancellationToken.None))!.KaartId;
        return (await _host.Store.GetDialogAsync(kaartId, CancellationToken.None))!;
    }

    /// <summary>A click on the step card that <paramref name="shown"/> rendered, against <paramref name="loaded"/> (the gate's read).</summary>
    private async Task<TurnContext> AnswerAsync(DialogState shown, string action, Dictionary<string, string> inputs, DialogState? loaded = null)
    {
        Dictionary<string, string> data = new(inputs, StringComparer.Ordinal)
        {
            [DialogAnswers.KaartId] = shown.KaartId,
            [DialogAnswers.Step] = shown.Step.ToString(),
            [DialogAnswers.Revision] = shown.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [DialogAnswers.Action] = action,
        };
        TurnContext turn = _host.Turn(_host.Message(string.Empty).Activity with { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", ReplyToId = "card-1" });
        await _host.Get<DialogSteps>().AnswerAsync(turn, new CardAction(DialogCard.Verb, data, IsRefresh: false), loaded ?? shown, CancellationToken.None);
        return turn;
    }

    public void Dispose() => _host.Dispose();
}
