using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Moq;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Membership;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tests.Handlers;

public sealed class MembershipHandlerTests : IDisposable
{
    private const string PrivateChannelId = "19:prive@thread.tacv2";

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

    [Fact]
    public async Task A_professional_leaving_a_private_channel_concerns_only_that_channels_kaarten()
    {
        Kaart inGeneral = _host.SeedKaart();
        Kaart inPrivate = SeedKaartInPrivateChannel(inGeneral);

        await _host.Get<MembershipHandler>().MembersChangedAsync(_host.Turn(ChannelEvent("channelMemberRemoved", "private", """
            "membersRemoved": [{ "id": "29:ahmed", "aadObjectId": "aad-ahmed" }]
            """)), CancellationToken.None);

        // Not the team's other channel: Ahmed may still be there.
        AssertOneNoticeOnlyIn(inPrivate, inGeneral, "Ahmed El Amrani staat op deze kaart en is uit het kanaal verwijderd.");
    }

    [Fact]
    public async Task Someone_from_another_tenant_joining_a_shared_channel_is_a_notice_in_that_channel_only()
    {
        Kaart inGeneral = _host.SeedKaart();
        Kaart inShared = SeedKaartInPrivateChannel(inGeneral);

        // Shape of bot-updates-shared-channels: a direct member of another tenant, and one through a team the channel is shared with.
        await _host.Get<MembershipHandler>().MembersChangedAsync(_host.Turn(ChannelEvent("channelMemberAdded", "shared", """
            "membersAdded": [
              { "id": "29:jan", "aadObjectId": "aad-jan", "tenantId": "8e2a6b90-71c3-4f0d-b5e8-3c9d2a1f6e57" },
              { "id": "29:lotte", "aadObjectId": "aad-lotte", "membershipSource": { "sourceType": "team", "id": "19:ander-team@thread.tacv2", "membershipType": "transitive", "tenantId": "8e2a6b90-71c3-4f0d-b5e8-3c9d2a1f6e57" } }
            ]
            """)), CancellationToken.None);

        AssertOneNoticeOnlyIn(inShared, inGeneral, "Er zijn 2 collega's aan het kanaal toegevoegd.");
    }

    [Fact]
    public async Task The_bot_removed_from_a_private_channel_stops_only_that_channels_reminders_and_says_so_in_General()
    {
        Kaart inGeneral = _host.SeedKaart();
        Kaart inPrivate = SeedKaartInPrivateChannel(inGeneral);

        Activity removal = ChannelEvent("channelMemberRemoved", "private", """
            "membersRemoved": [{ "id": "28:bot" }]
            """);
        Assert.True(removal.BotWasRemoved());
        await _host.Get<MembershipHandler>().BotRemovedAsync(_host.Turn(removal), CancellationToken.None);

        _host.Factory.Reminders.Verify(r => r.CancelAsync(inPrivate.Id, null, It.IsAny<CancellationToken>()), Times.Once);
        _host.Factory.Reminders.Verify(r => r.CancelAsync(inGeneral.Id, It.IsAny<ReminderKind?>(), It.IsAny<CancellationToken>()), Times.Never);
        (string _, string conversationId, string? _, Activity said) = Assert.Single(_host.Replies.Calls);
        Assert.Equal("team-1", conversationId);   // the team's General channel: the bot can no longer post in the private one
        Assert.Equal(MembershipTexts.RemovedFromChannel, said.Text);
        Assert.DoesNotContain("Familie", said.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_added_to_a_private_channel_again_resumes_only_that_channels_reminders_without_a_welcome()
    {
        Kaart inGeneral = _host.SeedKaart();
        Kaart inPrivate = SeedKaartInPrivateChannel(inGeneral);
        _host.Factory.Reminders.Setup(r => r.GetStateAsync(It.IsAny<string>(), ReminderKind.Evaluatie, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, ReminderKind kind, CancellationToken _) => new ReminderState(id, kind, ReminderStatus.Cancelled, DateTimeOffset.UnixEpoch, null, null));

        Activity addition = ChannelEvent("channelMemberAdded", "private", """
            "membersAdded": [{ "id": "28:bot" }]
            """);
        Assert.True(addition.BotWasAdded());
        await _host.Get<MembershipHandler>().BotAddedAsync(_host.Turn(addition), CancellationToken.None);

        _host.Factory.Reminders.Verify(r => r.ScheduleAsync(It.Is<Reminder>(x => x.KaartId == inPrivate.Id), It.IsAny<CancellationToken>()), Times.Once);
        _host.Factory.Reminders.Verify(r => r.ScheduleAsync(It.Is<Reminder>(x => x.KaartId == inGeneral.Id), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(_host.Replies.Calls);   // the welcome comes once per team, not in every channel
    }

    [Fact]
    public async Task The_bot_removed_from_the_team_stops_every_kaart_of_the_team_and_says_nothing()
    {
        Kaart inGeneral = _host.SeedKaart();
        Kaart inPrivate = SeedKaartInPrivateChannel(inGeneral);
        Activity removal = _host.Message(string.Empty, conversationId: "team-1").Activity with
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersRemoved = [new ChannelAccount { Id = "28:bot" }],
            ChannelData = JsonSerializer.SerializeToElement(new { team = new { id = "team-1" }, eventType = "teamMemberRemoved" }),
        };

        await _host.Get<MembershipHandler>().BotRemovedAsync(_host.Turn(removal), CancellationToken.None);

        _host.Factory.Reminders.Verify(r => r.CancelAsync(inGeneral.Id, null, It.IsAny<CancellationToken>()), Times.Once);
        _host.Factory.Reminders.Verify(r => r.CancelAsync(inPrivate.Id, null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_host.Replies.Calls);
    }

    /// <summary>A second kaart of team-1, in the thread of a private (or shared) channel.</summary>
    private Kaart SeedKaartInPrivateChannel(Kaart general)
    {
        string thread = PrivateChannelId + ";messageid=1767225700000";
        return _host.Store.Seed(general with { Id = "k-2", Location = general.Location with { ThreadId = thread, ChannelId = PrivateChannelId }, CardActivityId = "card-k-2" });
    }

    /// <summary>
    /// A conversationUpdate for <see cref="PrivateChannelId"/> in the shape the Teams channel guidance and
    /// bot-updates-shared-channels document: the channel as conversation, channelData with the channel (and its
    /// type), the host team, the tenant and the channel event type; <paramref name="members"/> the membersAdded or
    /// membersRemoved property.
    /// </summary>
    private static Activity ChannelEvent(string eventType, string channelType, string members) =>
        JsonSerializer.Deserialize($$"""
            {
              "type": "conversationUpdate",
              "id": "f:1767225800000",
              "channelId": "msteams",
              "serviceUrl": "{{HandlerHost.ServiceUrl}}",
              "from": { "id": "29:owner", "aadObjectId": "aad-owner" },
              "recipient": { "id": "28:bot", "name": "RegieBot" },
              "conversation": { "isGroup": true, "conversationType": "channel", "id": "{{PrivateChannelId}}", "tenantId": "tenant-1" },
              {{members}},
              "channelData": {
                "channel": { "id": "{{PrivateChannelId}}", "name": "Casus P", "type": "{{channelType}}" },
                "team": { "id": "team-1" },
                "eventType": "{{eventType}}",
                "tenant": { "id": "tenant-1" }
              }
            }
            """, RegieBot.Protocol.ProtocolJsonContext.Default.Activity)!;

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

    private void AssertOneNoticeOnlyIn(Kaart notified, Kaart untouched, string sentence)
    {
        Assert.Empty(_host.Store.EffectsOf(untouched.Id));
        OutboxItem notice = Assert.Single(_host.Store.EffectsOf(notified.Id));
        Assert.Contains(sentence, Readable(notice.Card), StringComparison.Ordinal);
    }

    /// <summary>The stored card as text without JSON's escapes (an apostrophe is stored as \u0027).</summary>
    private static string Readable(string? card) =>
        JsonNode.Parse(card!)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => _host.Dispose();
}
