using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Membership;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Handlers;

public sealed class MembershipHandlerTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Fact]
    public async Task A_professional_of_the_kaart_leaving_the_team_commits_a_notice_in_its_thread()
    {
        Kaart kaart = _host.SeedKaart();

        await MembersChanged(removed: [new ChannelAccount { Id = "29:ahmed", AadObjectId = "aad-ahmed" }]);

        Assert.Equal([$"{nameof(IKaartStore.CommitAsync)} {kaart.Id}"], _host.Store.Writes);
        OutboxItem notice = Assert.Single(_host.Store.EffectsOf(kaart.Id));
        Assert.Equal(OutboxEffect.Post, notice.Effect);
        Assert.Contains("Ahmed El Amrani staat op deze kaart en is uit het team verwijderd.", Readable(notice.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_leaving_who_is_not_on_the_kaart_does_not_concern_it()
    {
        Kaart kaart = _host.SeedKaart();

        await MembersChanged(removed: [new ChannelAccount { Id = "29:petra", AadObjectId = "aad-petra" }]);

        Assert.Empty(_host.Store.Writes);
        Assert.Empty(_host.Store.EffectsOf(kaart.Id));
    }

    [Fact]
    public async Task Colleagues_joining_are_counted_in_the_notice_and_the_bot_itself_is_not()
    {
        Kaart kaart = _host.SeedKaart();

        await MembersChanged(added: [new ChannelAccount { Id = "29:petra" }, new ChannelAccount { Id = "29:joost" }, new ChannelAccount { Id = "28:bot" }]);

        OutboxItem notice = Assert.Single(_host.Store.EffectsOf(kaart.Id));
        Assert.Contains("Er zijn 2 collega's aan het team toegevoegd.", Readable(notice.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_kaart_gets_no_notice()
    {
        Kaart kaart = _host.SeedKaart();
        await _host.Store.UpdateKaartAsync(kaart with { Status = KaartStatus.Afgesloten }, CancellationToken.None);
        _host.Store.Writes.Clear();

        await MembersChanged(removed: [new ChannelAccount { Id = "29:ahmed", AadObjectId = "aad-ahmed" }]);

        Assert.Empty(_host.Store.Writes);
        Assert.Empty(_host.Store.EffectsOf(kaart.Id));
    }

    /// <summary>Teams tells the bot that members joined or left team-1, the team of the seeded kaart.</summary>
    private Task MembersChanged(ChannelAccount[]? added = null, ChannelAccount[]? removed = null)
    {
        Activity update = _host.Message(string.Empty, conversationId: HandlerHost.ChannelId).Activity with
        {
            Type = ActivityTypes.ConversationUpdate,
            Text = null,
            From = new ChannelAccount { Id = "29:admin" },
            MembersAdded = added,
            MembersRemoved = removed,
            ChannelData = JsonSerializer.SerializeToElement(new { team = new { id = "team-1" }, eventType = removed is null ? "teamMemberAdded" : "teamMemberRemoved" }),
        };
        return _host.Get<MembershipHandler>().MembersChangedAsync(_host.Turn(update), CancellationToken.None);
    }

    /// <summary>The stored card as text without JSON's escapes (an apostrophe is stored as \u0027).</summary>
    private static string Readable(string? card) =>
        JsonNode.Parse(card!)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => _host.Dispose();
}
