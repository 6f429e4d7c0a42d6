using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Protocol.Tests.Teams;

public sealed class ActivityExtensionsTests
{
    private static readonly ChannelAccount Bot = new() { Id = "28:bot", Name = "RegieBot" };

    [Fact]
    public void GetTextWithoutBotMention_ChannelMessage_StripsMentionDecodesAndTrims()
    {
        Activity activity = TestActivities.Read("channel-message.json");

        Assert.Equal("start Familie T.", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void GetTextWithoutBotMention_RenamedBot_UsesTheEntityNotTheName()
    {
        Activity activity = Message("<at>Regie Assistent</at>   help", Entity.Mention(Bot with { Name = "Regie Assistent" }, "<at>Regie Assistent</at>"));

        Assert.Equal("help", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void GetTextWithoutBotMention_OtherUsersMention_StaysInText()
    {
        ChannelAccount sanne = new() { Id = "29:sanne", Name = "Sanne" };
        Activity activity = Message(
            "<at>RegieBot</at> opschalen <at>Sanne</at>",
            Entity.Mention(Bot, "<at>RegieBot</at>"),
            Entity.Mention(sanne, "<at>Sanne</at>"));

        Assert.Equal("opschalen <at>Sanne</at>", activity.GetTextWithoutBotMention());
        Assert.Equal("29:sanne", Assert.Single(activity.GetMentionedUsers()).Id);
    }

    [Fact]
    public void GetTextWithoutBotMention_NoEntities_ReturnsCollapsedText()
    {
        Activity activity = TestActivities.Read("personal-message.json");

        Assert.Equal("overzicht", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void GetTextWithoutBotMention_HtmlEntities_AreDecodedAfterStripping()
    {
        Activity activity = Message("<at>RegieBot</at> start Familie &amp; Zn", Entity.Mention(Bot, "<at>RegieBot</at>"));

        Assert.Equal("start Familie & Zn", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void BotWasAdded_BotAmongMembersAdded_IsTrue()
    {
        Activity activity = TestActivities.Read("conversation-update-bot-added.json");

        Assert.True(activity.BotWasAdded());
        Assert.False(activity.BotWasRemoved());
    }

    [Fact]
    public void BotWasAdded_OnlyUsersAdded_IsFalse()
    {
        Activity activity = TestActivities.Read("conversation-update-bot-added.json") with
        {
            MembersAdded = [new ChannelAccount { Id = "29:someone" }],
        };

        Assert.False(activity.BotWasAdded());
    }

    [Fact]
    public void GetTenantId_FallsBackToConversation()
    {
        Activity activity = new()
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = "a:1", TenantId = "t-1" },
        };

        Assert.Equal("t-1", activity.GetTenantId());
    }

    [Theory]
    [InlineData("""{"tenant":"onbekend"}""")]
    [InlineData("""{"team":42,"tenant":{"id":"t-2"}}""")]
    [InlineData("""{"channel":[],"tenant":{"id":"t-2"}}""")]
    public void GetTeamsChannelData_NotInTeamsShape_IsNullAndTheTenantComesFromTheConversation(string channelData)
    {
        Activity activity = new()
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = "a:1", TenantId = "t-1" },
            ChannelData = System.Text.Json.JsonDocument.Parse(channelData).RootElement.Clone(),
        };

        Assert.Null(activity.GetTeamsChannelData());
        Assert.Equal("t-1", activity.GetTenantId());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = Bot,
        Entities = entities,
    };
}
