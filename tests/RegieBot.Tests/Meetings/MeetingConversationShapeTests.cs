using RegieBot.Meetings;

namespace RegieBot.Tests.Meetings;

public sealed class MeetingConversationShapeTests
{
    [Fact]
    public void Of_ChannelThread_KeepsTheFormAndHashesTheIds()
    {
        string shape = MeetingConversationShape.Of("19:8f0c2d61a1b24e3c@thread.tacv2;messageid=1767225600000");

        Assert.Matches("^19:#[0-9a-f]{12}@thread\\.tacv2;messageid=#[0-9a-f]{12}$", shape);
        Assert.DoesNotContain("8f0c2d61a1b24e3c", shape, StringComparison.Ordinal);
        Assert.DoesNotContain("1767225600000", shape, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MeetingsOwnChat_SaysSo()
    {
        string shape = MeetingConversationShape.Of("19:meeting_NjU4ZTgwMDMtMmFlZC00ZDUy@thread.v2");

        Assert.Matches("^19:meeting_#[0-9a-f]{12}@thread\\.v2$", shape);
        Assert.DoesNotContain("NjU4ZTgwMDMtMmFlZC00ZDUy", shape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "-")]
    [InlineData("channel", "channel")]
    [InlineData("groupChat", "groupChat")]
    [InlineData("Familie T.", "other")]
    public void TypeOf_OnlyTeamsOwnNames_AreLogged(string? type, string logged) =>
        Assert.Equal(logged, MeetingConversationShape.TypeOf(type));
}
