using RegieBot.Bot;

namespace RegieBot.Tests.Handlers;

public sealed class CommandHandlerTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task An_unknown_command_is_named_and_points_to_help()
    {
        await _host.Get<CommandHandler>().HandleAsync(_host.Message("vliegen naar de maan"), CancellationToken.None);

        Assert.Equal(["Het commando 'vliegen' ken ik niet. Typ help voor de lijst met commando's."], _host.RepliedTexts);
        Assert.Empty(_host.Store.Writes);
    }

    [Fact]
    public async Task An_empty_message_gets_the_hint_to_type_help()
    {
        await _host.Get<CommandHandler>().HandleAsync(_host.Message(string.Empty), CancellationToken.None);

        Assert.Equal(["Ik hoorde je roepen. Typ **help** voor de lijst met commando's."], _host.RepliedTexts);
    }

    [Fact]
    public async Task Help_answers_with_the_help_card()
    {
        await _host.Get<CommandHandler>().HandleAsync(_host.Message("Help"), CancellationToken.None);

        (string _, string _, string? _, Protocol.Schema.Activity reply) = Assert.Single(_host.Replies.Calls);
        Assert.Equal(Protocol.Schema.Attachment.AdaptiveCardContentType, Assert.Single(reply.Attachments!).ContentType);
    }

    [Fact]
    public async Task Help_in_a_group_chat_says_kaarten_are_made_in_a_channel()
    {
        TurnContext inGroupChat = _host.Turn(_host.Message("help").Activity with
        {
            Conversation = new Protocol.Schema.ConversationAccount { Id = "19:groepschat@thread.v2", ConversationType = "groupChat", IsGroup = true },
        });

        await _host.Get<CommandHandler>().HandleAsync(inGroupChat, CancellationToken.None);

        (string _, string _, string? _, Protocol.Schema.Activity reply) = Assert.Single(_host.Replies.Calls);
        string card = Assert.Single(reply.Attachments!).Content!.ToJsonString();
        Assert.Contains("niet in een groepschat", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kaart_in_the_channel_posts_a_copy_without_refresh_and_in_its_thread_one_with_it()
    {
        _host.SeedKaart();
        CommandHandler handler = _host.Get<CommandHandler>();

        await handler.HandleAsync(_host.Message("kaart", conversationId: HandlerHost.ChannelId), CancellationToken.None);
        await handler.HandleAsync(_host.Message("kaart"), CancellationToken.None);

        Assert.Equal([HandlerHost.ChannelId, HandlerHost.ThreadId], _host.Factory.Sent.Select(s => s.ConversationId));
        System.Text.Json.Nodes.JsonNode[] cards = [.. _host.Factory.Sent.Select(s => Assert.Single(s.Activity.Attachments!).Content!)];
        Assert.Null(cards[0]["refresh"]);   // its viewers' refresh would come from another conversation and be refused
        Assert.Equal(["29:sanne", "29:ahmed"], cards[1]["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u));
    }

    [Fact]
    public async Task Opschalen_in_a_thread_without_a_kaart_says_so()
    {
        await _host.Get<CommandHandler>().HandleAsync(_host.Message("opschalen het loopt vast"), CancellationToken.None);

        string? reply = Assert.Single(_host.RepliedTexts);
        Assert.StartsWith("In deze draad staat geen regiekaart", reply, StringComparison.Ordinal);
        Assert.Empty(_host.Store.Writes);
    }

    [Fact]
    public async Task Opschalen_without_a_reason_reaches_the_escalation_and_is_refused()
    {
        _host.SeedKaart();

        await _host.Get<CommandHandler>().HandleAsync(_host.Message("opschalen"), CancellationToken.None);

        string? reply = Assert.Single(_host.RepliedTexts);
        Assert.StartsWith("Waarom loopt het vast?", reply, StringComparison.Ordinal);
        Assert.Empty(_host.Store.Writes);
    }

    public void Dispose() => _host.Dispose();
}
