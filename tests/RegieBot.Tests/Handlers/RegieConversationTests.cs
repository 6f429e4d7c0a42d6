using Moq;
using RegieBot.Bot;
using RegieBot.Dialog;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;

namespace RegieBot.Tests.Handlers;

public sealed class RegieConversationTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task Start_in_a_thread_stores_an_open_dialog_with_its_step_card_in_the_outbox()
    {
        await Start("Familie T.");

        ThreadKaart thread = (await _host.Store.FindByThreadAsync(HandlerHost.ThreadId, CancellationToken.None))!;
        Assert.False(thread.Saved);
        DialogState dialog = (await _host.Store.GetDialogAsync(thread.KaartId, CancellationToken.None))!;
        Assert.Equal(("Familie T.", DialogStatus.Open, DialogStep.Moment), (dialog.Casus, dialog.Status, dialog.Step));
        Assert.Equal(OutboxEffect.Post, Assert.Single(_host.Store.EffectsOf(thread.KaartId)).Effect);
        Assert.Empty(_host.RepliedTexts);   // the step card is the answer, posted by the relay
    }

    [Fact]
    public async Task A_second_start_while_the_dialog_runs_says_so_and_posts_the_step_again()
    {
        await Start("Familie T.");
        string kaartId = (await _host.Store.FindByThreadAsync(HandlerHost.ThreadId, CancellationToken.None))!.KaartId;
        _host.Factory.Outbox.Setup(o => o.GetItemsAsync(kaartId, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await Start("Familie Q.");

        Assert.Equal(
            ["In deze draad loopt het gesprek over de regiekaart van Familie T. al. Hieronder staat de stap waar jullie gebleven waren."],
            _host.RepliedTexts);
        Assert.Equal(HandlerHost.ThreadId, Assert.Single(_host.Factory.Sent).ConversationId);
        Assert.Equal("1767225699999", (await _host.Store.GetDialogAsync(kaartId, CancellationToken.None))!.CardActivityId);
        Assert.Single(_host.Store.Writes, w => w.StartsWith(nameof(IDialogStore.CreateDialogAsync), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_in_the_thread_of_a_saved_kaart_names_that_kaart_and_stores_only_the_record_of_that_answer()
    {
        _host.SeedKaart();

        await Start("Familie Q.");

        Assert.Equal(
            ["In deze draad staat al de regiekaart van Familie P.. Typ @RegieBot kaart om hem te zien, of begin een nieuw bericht in het kanaal voor een andere casus."],
            _host.RepliedTexts);
        Assert.Equal(["BeginPostAsync k-1", "CompletePostAsync k-1"], _host.Store.Writes);   // the answer names the casus: its erasure replaces it
    }

    [Fact]
    public async Task Cancelling_a_kaart_that_was_never_saved_answers_that_nothing_was_stored()
    {
        await Start("Familie T.");
        string kaartId = (await _host.Store.FindByThreadAsync(HandlerHost.ThreadId, CancellationToken.None))!.KaartId;

        TurnContext turn = _host.Message("annuleren");
        await _host.Get<RegieConversation>().CancelAsync(turn, CancellationToken.None);

        Assert.Equal(["De regiekaart is geannuleerd; er is niets opgeslagen."], _host.RepliedTexts);
        DialogState cancelled = (await _host.Store.GetDialogAsync(kaartId, CancellationToken.None))!;
        Assert.Equal(DialogStatus.Cancelled, cancelled.Status);
        Assert.Null(await _host.Store.GetKaartAsync(kaartId, CancellationToken.None));
        Assert.True(turn.ErasesItsCasus);   // the pipeline does not write the thread's conversation reference again
        _host.Factory.Outbox.Verify(o => o.MarkEraseAsync(kaartId, DialogTexts.CancelledNotice, null, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private Task Start(string casus) =>
        _host.Get<RegieConversation>().StartAsync(_host.Message("start " + casus), casus, CancellationToken.None);

    public void Dispose() => _host.Dispose();
}
