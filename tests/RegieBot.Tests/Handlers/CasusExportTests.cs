using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Privacy;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Handlers;

public sealed class CasusExportTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task Export_posts_the_export_cards_of_the_kaart_in_the_thread_and_remembers_them()
    {
        Kaart kaart = _host.SeedKaart();

        await _host.Get<CasusExport>().ExportAsync(_host.Message("export"), CancellationToken.None);

        (string _, string conversationId, Activity card) = Assert.Single(_host.Factory.Sent);
        Assert.Equal(HandlerHost.ThreadId, conversationId);
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(card.Attachments!).ContentType);
        Assert.Contains("Familie P.", Assert.Single(card.Attachments!).Content!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["Hierboven staat alles wat RegieBot over deze casus bewaart, in 1 kaart."], _host.RepliedTexts);
        CasusFootprint footprint = (await _host.Store.GetFootprintAsync(kaart.Id, CancellationToken.None))!;
        Assert.Equal(new PostedMessage(HandlerHost.ThreadId, "1767225699999", IsCard: true), Assert.Single(footprint.Messages));
    }

    [Fact]
    public async Task Export_in_a_thread_without_a_kaart_says_so_in_Dutch_and_posts_nothing()
    {
        await _host.Get<CasusExport>().ExportAsync(_host.Message("export"), CancellationToken.None);

        string? reply = Assert.Single(_host.RepliedTexts);
        Assert.StartsWith("In deze draad staat geen regiekaart", reply, StringComparison.Ordinal);
        Assert.Empty(_host.Factory.Sent);
        Assert.Empty(_host.Store.Writes);
    }

    [Fact]
    public async Task Export_in_a_chat_with_the_bot_points_to_the_channel()
    {
        Activity personal = _host.Message("export", conversationId: "a:persoonlijk").Activity with
        {
            Conversation = new ConversationAccount { Id = "a:persoonlijk", ConversationType = "personal" },
        };

        await _host.Get<CasusExport>().ExportAsync(_host.Turn(personal), CancellationToken.None);

        Assert.Equal(["Typ dit commando in het kanaal van de casus. Hier zie je met overzicht al jouw regiekaarten."], _host.RepliedTexts);
        Assert.Empty(_host.Factory.Sent);
    }

    public void Dispose() => _host.Dispose();
}
