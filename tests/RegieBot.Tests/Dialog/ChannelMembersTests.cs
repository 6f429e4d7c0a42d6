using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Bot;
using RegieBot.Domain.Dialogs;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Tests.Dialog;

public sealed class ChannelMembersTests
{
    private static readonly Activity Click = new()
    {
        Type = ActivityTypes.Invoke,
        ServiceUrl = "https://smba.example/",
        Conversation = new ConversationAccount { Id = "19:c@thread.tacv2;messageid=1" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConnectorException Down() => new(System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down");

    /// <summary>Sanne's roster fetched, the clock just past <see cref="ChannelMembers.RefreshAfter"/>; the fetches after it as <paramref name="next"/> sets up.</summary>
    private static async Task<(ChannelMembers Sut, FakeTimeProvider Time)> ExpiredAsync(
        Action<Moq.Language.ISetupSequentialResult<Task<IReadOnlyList<TeamsChannelAccount>>>> next)
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        Mock<IConnectorClient> connector = new(MockBehavior.Strict);
        next(connector.SetupSequence(c => c.GetMembersAsync("https://smba.example/", "19:c@thread.tacv2", It.IsAny<CancellationToken>())).ReturnsAsync(Roster("sanne")));
        ChannelMembers sut = new(connector.Object, time);
        await sut.ListAsync(Click, Ct);
        time.Advance(ChannelMembers.RefreshAfter + TimeSpan.FromSeconds(1));
        return (sut, time);
    }

    private static IReadOnlyList<TeamsChannelAccount> Roster(params string[] names) =>
        [.. names.Select(n => new TeamsChannelAccount { Id = "29:" + n, AadObjectId = "aad-" + n, Name = n })];

    [Theory]
    [InlineData(null)]       // a private or shared channel whose channelData does not say which kind it is
    [InlineData("standard")]
    [InlineData("private")]
    [InlineData("shared")]
    public async Task ListAsync_ChannelOfATeam_AsksForTheChannelsMembersNeverTheTeams(string? type)
    {
        Activity inChannel = Click with
        {
            Conversation = new ConversationAccount { Id = "19:p@thread.tacv2;messageid=7" },
            ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new
            {
                team = new { id = "19:team@thread.tacv2" },
                channel = type is null ? (object)new { id = "19:p@thread.tacv2" } : new { id = "19:p@thread.tacv2", type },
            }),
        };
        Mock<IConnectorClient> connector = new(MockBehavior.Strict);
        connector.Setup(c => c.GetMembersAsync("https://smba.example/", "19:p@thread.tacv2", It.IsAny<CancellationToken>())).ReturnsAsync(Roster("jan"));

        IReadOnlyList<TeamMember> members = await new ChannelMembers(connector.Object, new FakeTimeProvider()).ListAsync(inChannel, Ct);

        Assert.Equal(["jan"], members.Select(m => m.Name));   // a standard channel's members are the team's: Teams answers with those
    }

    [Fact]
    public async Task ListAsync_RosterDueForRefreshWhileTeamsIsSlow_AnswersWithTheKnownRosterAndUsesTheNewOneWhenItCame()
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        TaskCompletionSource<IReadOnlyList<TeamsChannelAccount>> slow = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Mock<IConnectorClient> connector = new(MockBehavior.Strict);
        connector.SetupSequence(c => c.GetMembersAsync("https://smba.example/", "19:c@thread.tacv2", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Roster("sanne"))
            .Returns(slow.Task);
        ChannelMembers sut = new(connector.Object, time);
        await sut.ListAsync(Click, Ct);

        time.Advance(ChannelMembers.RefreshAfter + TimeSpan.FromSeconds(1));
        Task<IReadOnlyList<TeamMember>> stale = sut.ListAsync(Click, Ct);

        Assert.True(stale.IsCompleted, "A click waited for Teams to list the members again.");
        Assert.Equal(["sanne"], (await stale).Select(m => m.Name));
        Assert.Equal(["sanne"], (await sut.ListAsync(Click, Ct)).Select(m => m.Name));   // still on its way: no second fetch
        slow.SetResult(Roster("sanne", "ahmed"));
        IReadOnlyList<TeamMember> fresh = await sut.ListAsync(Click, Ct);
        for (int wait = 0; wait < 200 && fresh.Count < 2; wait++)
        {
            await Task.Delay(10, Ct);   // the fetch completes on another thread
            fresh = await sut.ListAsync(Click, Ct);
        }

        Assert.Equal(["sanne", "ahmed"], fresh.Select(m => m.Name));
        connector.Verify(c => c.GetMembersAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task ListAsync_FetchingAgainFails_KeepsTheKnownRosterAndTriesAgainNextTime()
    {
        (ChannelMembers sut, _) = await ExpiredAsync(next => next.ThrowsAsync(Down()).ReturnsAsync(Roster("sanne", "petra")));

        Assert.Equal(["sanne"], (await sut.ListAsync(Click, Ct)).Select(m => m.Name));
        Assert.Equal(["sanne", "petra"], (await sut.ListAsync(Click, Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task ListAsync_RosterOlderThanKeptForWhileTeamsFails_IsNoLongerUsed()
    {
        (ChannelMembers sut, FakeTimeProvider time) = await ExpiredAsync(next => next.ThrowsAsync(Down()).ThrowsAsync(Down()));
        Assert.Equal(["sanne"], (await sut.ListAsync(Click, Ct)).Select(m => m.Name));

        // Someone removed from the channel meanwhile is let in on a roster at most KeptFor old (2 minutes), never older:
        // the gate gets the failure.
        time.Advance(ChannelMembers.KeptFor - ChannelMembers.RefreshAfter);
        await Assert.ThrowsAsync<ConnectorException>(() => sut.ListAsync(Click, Ct));
    }

    [Fact]
    public async Task ListAsync_FirstFetchSlowerThanClickWait_GivesUpAfterClickWaitAndTheNextClickGetsTheRoster()
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        TaskCompletionSource<IReadOnlyList<TeamsChannelAccount>> throttled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Mock<IConnectorClient> connector = new(MockBehavior.Strict);
        connector.Setup(c => c.GetMembersAsync("https://smba.example/", "19:c@thread.tacv2", It.IsAny<CancellationToken>())).Returns(throttled.Task);
        ChannelMembers sut = new(connector.Object, time);

        Task<IReadOnlyList<TeamMember>> click = sut.ListAsync(Click, Ct);
        time.Advance(ChannelMembers.ClickWait);

        await Assert.ThrowsAsync<RosterUnavailableException>(() => click);
        throttled.SetResult(Roster("sanne", "ahmed"));   // Teams answers after its Retry-After
        Assert.Equal(["sanne", "ahmed"], (await sut.ListAsync(Click, Ct)).Select(m => m.Name));
        connector.Verify(c => c.GetMembersAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task LastKnown_RosterTooOldForTheGateWhileTeamsIsSlow_StillGivesTheOldRoster()
    {
        TaskCompletionSource<IReadOnlyList<TeamsChannelAccount>> slow = new(TaskCreationOptions.RunContinuationsAsynchronously);
        (ChannelMembers sut, FakeTimeProvider time) = await ExpiredAsync(next => next.Returns(slow.Task));
        time.Advance(ChannelMembers.KeptFor - ChannelMembers.RefreshAfter);   // beyond what the gate trusts

        Task<IReadOnlyList<TeamMember>> click = sut.ListAsync(Click, Ct);
        time.Advance(ChannelMembers.ClickWait);

        await Assert.ThrowsAsync<RosterUnavailableException>(() => click);
        Assert.Equal(["sanne"], sut.LastKnown(Click)!.Select(m => m.Name));
        Assert.Null(sut.LastKnown(Click with { Conversation = new ConversationAccount { Id = "19:other@thread.tacv2" } }));
    }
}
