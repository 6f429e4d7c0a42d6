using System.Diagnostics;
using System.Net;
using Moq;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Teams;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// Team and channel names on the tab, read from Teams at render time: shown when Teams answers, and when it fails,
/// is slow or no longer lets the bot in, the page still comes (without names, with the link to the thread).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TabTeamPlacesTests(TabApplication tab) : IClassFixture<TabApplication>
{
    private const string Place = $"{TabDemoKaarten.TeamName}, kanaal {TabDemoKaarten.ChannelName}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overzicht_TeamsNamesTheTeam_ShowsTeamAndChannelOnEveryRow()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Sanne).GetStringAsync("/tab/api/overzicht", Ct);

        Assert.Equal(TabDemoKaarten.CasussenOf[TabDemoKaarten.Sanne].Length, Occurrences(html, $"<span class=\"plek\">{Place}</span>"));
        Assert.Contains("https://teams.microsoft.com/l/message/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kaart_TeamsNamesTheTeam_HeaderShowsTeamAndChannel()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Mohammed).GetStringAsync($"/tab/api/kaarten/{tab.KaartIds[TabDemoKaarten.FamilieT]}", Ct);

        Assert.Contains($"<p class=\"plek\">Team en kanaal: {Place}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overzicht_NamesWithMarkup_AreEscaped()
    {
        Mock<IConnectorClient> teams = new();
        teams.Setup(c => c.GetTeamDetailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TeamDetails("t", "<script>x</script>", null));
        teams.Setup(c => c.GetChannelsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChannelInfo(TabDemoKaarten.ChannelId, "A&B")]);
        await using TabApplication app = new(teams.Object);
        await app.InitializeAsync();

        string html = await app.ClientAs(TabDemoKaarten.Sanne).GetStringAsync("/tab/api/overzicht", Ct);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;, kanaal A&amp;B", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overzicht_BotRemovedFromTeam_Still200WithoutNamesButWithThreadLink()
    {
        Mock<IConnectorClient> teams = new();
        teams.Setup(c => c.GetTeamDetailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorForbiddenException("BotNotInConversationRoster", "removed"));
        teams.Setup(c => c.GetChannelsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("Teams is down."));
        await using TabApplication app = new(teams.Object);
        await app.InitializeAsync();
        HttpClient sanne = app.ClientAs(TabDemoKaarten.Sanne);

        HttpResponseMessage overview = await sanne.GetAsync("/tab/api/overzicht", Ct);
        HttpResponseMessage kaart = await sanne.GetAsync($"/tab/api/kaarten/{app.KaartIds[TabDemoKaarten.FamilieT]}", Ct);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kaart.StatusCode);
        string html = await overview.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("class=\"plek\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"plek\"", await kaart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Open de draad van de casus in Teams", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overzicht_TeamsHangs_AnswersAfterTheShortTimeoutWithoutNames()
    {
        Mock<IConnectorClient> teams = new();
        teams.Setup(c => c.GetTeamDetailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, CancellationToken cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new TeamDetails("t", "nooit", null);
            });
        teams.Setup(c => c.GetChannelsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string _, CancellationToken cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return (IReadOnlyList<ChannelInfo>)[];
            });
        await using TabApplication app = new(teams.Object);
        await app.InitializeAsync();

        Stopwatch clock = Stopwatch.StartNew();
        HttpResponseMessage overview = await app.ClientAs(TabDemoKaarten.Sanne).GetAsync("/tab/api/overzicht", Ct);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.DoesNotContain("class=\"plek\"", await overview.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
