using Moq;
using RegieBot.Domain.Kaarten;
using RegieBot.Kaarten;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Handlers;

/// <summary><c>overzicht</c> lists the sender's kaarten: only where no one else reads along, and never one being erased.</summary>
public sealed class KaartOverviewTests : IDisposable
{
    private readonly HandlerHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Overview_InPersonalChat_ListsTheKaarten()
    {
        _host.SeedKaart();

        await _host.Get<KaartCommands>().OverviewAsync(_host.Turn(Personal()), CancellationToken.None);

        Assert.Contains("Familie P.", Assert.Single(_host.RepliedTexts), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    [InlineData(null)]
    public async Task Overview_OutsidePersonalChat_ListsNothingAndPointsToThePersonalChat(string? conversationType)
    {
        _host.SeedKaart();
        Activity activity = Personal() with { Conversation = new ConversationAccount { Id = "19:groep@thread.v2", ConversationType = conversationType } };

        await _host.Get<KaartCommands>().OverviewAsync(_host.Turn(activity), CancellationToken.None);

        string? reply = Assert.Single(_host.RepliedTexts);
        Assert.Equal(KaartTexts.OverviewInPersonalChatOnly, reply);
        Assert.DoesNotContain("Familie P.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_CasusBeingErased_IsNotListed()
    {
        _host.SeedKaart("k-1");
        _host.Store.Seed(_host.SeedKaart("k-2") with { Id = "k-2", Casus = "Familie Q." });
        _host.Factory.Outbox.Setup(o => o.IsErasingAsync("k-1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await _host.Get<KaartCommands>().OverviewAsync(_host.Turn(Personal()), CancellationToken.None);

        string? reply = Assert.Single(_host.RepliedTexts);
        Assert.DoesNotContain("Familie P.", reply, StringComparison.Ordinal);
        Assert.Contains("Familie Q.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_OnlyCasusBeingErased_SaysThereAreNone()
    {
        _host.SeedKaart("k-1");
        _host.Factory.Outbox.Setup(o => o.IsErasingAsync("k-1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await _host.Get<KaartCommands>().OverviewAsync(_host.Turn(Personal()), CancellationToken.None);

        Assert.DoesNotContain("Familie P.", Assert.Single(_host.RepliedTexts), StringComparison.Ordinal);
    }

    private Activity Personal() => _host.Message("overzicht", conversationId: "a:persoonlijk").Activity with
    {
        Conversation = new ConversationAccount { Id = "a:persoonlijk", ConversationType = "personal" },
    };
}
