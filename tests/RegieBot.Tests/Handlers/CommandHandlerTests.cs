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
