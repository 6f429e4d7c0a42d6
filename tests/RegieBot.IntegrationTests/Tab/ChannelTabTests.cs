using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using RegieBot.Testing.Teams;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// The channel tab "Regie in dit kanaal" on the real host and Azurite, with a roster stand-in: only members of the
/// channel (its own members for a private channel) see its kaarten, with the signals computed from what is stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChannelTabTests(ChannelTabApplication tab) : IClassFixture<ChannelTabApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Path(string channel) => "/tab/api/kanaal?id=" + Uri.EscapeDataString(channel);

    [Fact]
    public async Task Member_SeesTheChannelsKaartenWithTheirSignals_AttentionFirst()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Mohammed).GetStringAsync(Path(TabDemoKaarten.ChannelId), Ct);

        Assert.All(TabDemoKaarten.AllCasussen, casus => Assert.Contains(E(casus), html, StringComparison.Ordinal));
        Assert.DoesNotContain(E(ChannelTabApplication.FamilieV), html, StringComparison.Ordinal);
        // Familie T.: escalated and overdue, so first; Sanne confirmed, Mohammed and Petra not; Petra left the channel.
        Assert.True(html.IndexOf(E(TabDemoKaarten.FamilieT), StringComparison.Ordinal) < html.IndexOf(E(TabDemoKaarten.GezinK), StringComparison.Ordinal));
        string t = Row(html, TabDemoKaarten.FamilieT);
        Assert.Contains("1 van 3 bevestigd: nog niet: Mohammed El Amrani, Petra Jansen", t, StringComparison.Ordinal);
        Assert.Contains("te laat", t, StringComparison.Ordinal);
        Assert.Contains(E("meer dan een week geen antwoord"), t, StringComparison.Ordinal);
        Assert.Contains("Opgeschaald op", t, StringComparison.Ordinal);
        Assert.Contains("naar Sanne de Vries", t, StringComparison.Ordinal);   // the procesregisseur
        Assert.Contains(E("Niet meer in het kanaal: Petra Jansen."), t, StringComparison.Ordinal);
        // Gezin K.: on time, nothing escalated; only the bewaker Fatma has not confirmed.
        string k = Row(html, TabDemoKaarten.GezinK);
        Assert.Contains("2 van 3 bevestigd: nog niet: Fatma Yilmaz", k, StringComparison.Ordinal);
        Assert.Contains("Bewaker: Fatma Yilmaz (niet bevestigd)", k, StringComparison.Ordinal);
        Assert.Contains("Niets opgeschaald", k, StringComparison.Ordinal);
        Assert.Contains("Niemand uit het kanaal vertrokken", k, StringComparison.Ordinal);
        Assert.DoesNotContain("te laat", k, StringComparison.Ordinal);
        Assert.Contains(E("1 kaart met een evaluatie te laat · 1 escalatie open · 5 rollen niet bevestigd · 2 professionals uit het kanaal vertrokken"), html, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/message/", t, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonMember_MemberOfAnotherChannel_AndUnknownChannel_GetTheSame404()
    {
        HttpResponseMessage petra = await tab.ClientAs(TabDemoKaarten.Petra).GetAsync(Path(TabDemoKaarten.ChannelId), Ct);   // left the channel
        HttpResponseMessage mohammed = await tab.ClientAs(TabDemoKaarten.Mohammed).GetAsync(Path(ChannelTabApplication.PrivateChannel), Ct);
        HttpResponseMessage unknown = await tab.ClientAs(TabDemoKaarten.Sanne).GetAsync(Path("19:bestaat-niet@thread.tacv2"), Ct);
        HttpResponseMessage nobody = await tab.ClientAs(null).GetAsync(Path(TabDemoKaarten.ChannelId), Ct);

        Assert.Equal(HttpStatusCode.NotFound, petra.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mohammed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        string body = await unknown.Content.ReadAsStringAsync(Ct);
        Assert.Equal(body, await petra.Content.ReadAsStringAsync(Ct));
        Assert.Equal(body, await mohammed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("no-store", petra.Headers.CacheControl?.ToString());
        Assert.Contains("frame-ancestors https://teams.microsoft.com", string.Join(' ', petra.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateChannel_ShowsOnlyItsOwnKaarten_ClosedLastWithItsCriterion()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Eva).GetStringAsync(Path(ChannelTabApplication.PrivateChannel), Ct);

        Assert.Contains(E(ChannelTabApplication.FamilieV), html, StringComparison.Ordinal);
        Assert.Contains(E(ChannelTabApplication.GezinM), html, StringComparison.Ordinal);
        Assert.All(TabDemoKaarten.AllCasussen, casus => Assert.DoesNotContain(E(casus), html, StringComparison.Ordinal));
        Assert.True(html.IndexOf(E(ChannelTabApplication.FamilieV), StringComparison.Ordinal) < html.IndexOf(E(ChannelTabApplication.GezinM), StringComparison.Ordinal));
        string m = Row(html, ChannelTabApplication.GezinM);
        Assert.Contains("Afgesloten op", m, StringComparison.Ordinal);
        Assert.Contains("het gezin voert zelf de regie", m, StringComparison.Ordinal);
        Assert.DoesNotContain("data-vraag", m, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasedCasus_DisappearsAtOnce()
    {
        HttpClient sanne = tab.ClientAs(TabDemoKaarten.Sanne);
        Assert.Contains(E(ChannelTabApplication.GezinW), await sanne.GetStringAsync(Path(ChannelTabApplication.ErasedChannel), Ct), StringComparison.Ordinal);

        await tab.Outbox.MarkEraseAsync(tab.KaartIds[ChannelTabApplication.GezinW], "Verwijderd.", null, DateTimeOffset.UtcNow.AddDays(1), Ct);

        string html = await sanne.GetStringAsync(Path(ChannelTabApplication.ErasedChannel), Ct);
        Assert.DoesNotContain(E(ChannelTabApplication.GezinW), html, StringComparison.Ordinal);
        Assert.Contains(E(ChannelTabApplication.GezinZ), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VraagOmBevestiging_PostsOnceADay_MentioningOnlyTheUnconfirmed()
    {
        string kaartId = tab.KaartIds[TabDemoKaarten.GezinK];
        string ask = "/tab/api/kanaal/bevestiging?id=" + Uri.EscapeDataString(TabDemoKaarten.ChannelId) + "&kaart=" + Uri.EscapeDataString(kaartId);
        int before = Sent().Length;

        HttpResponseMessage first = await tab.ClientAs(TabDemoKaarten.Joost).PostAsync(ask, null, Ct);
        HttpResponseMessage again = await tab.ClientAs(TabDemoKaarten.Sanne).PostAsync(ask, null, Ct);
        HttpResponseMessage outsider = await tab.ClientAs(TabDemoKaarten.Petra).PostAsync(ask, null, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("vandaag al", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        for (int i = 0; i < 100 && Sent().Length == before; i++)
        {
            await Task.Delay(100, Ct);
        }

        await Task.Delay(300, Ct);
        (string conversation, JsonObject card) = Assert.Single(Sent()[before..]);
        Assert.StartsWith(TabDemoKaarten.ChannelId + ";messageid=", conversation, StringComparison.Ordinal);
        JsonArray mentions = card["msteams"]!["entities"]!.AsArray();
        Assert.Equal(["29:" + TabDemoKaarten.Fatma], mentions.Select(m => (string)m!["mentioned"]!["id"]!));
        Assert.DoesNotContain("Joost", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_TheWholeChannelIsOneIndexQuery_NoReadPerKaart()
    {
        HttpClient mohammed = tab.ClientAs(TabDemoKaarten.Mohammed);
        await mohammed.GetStringAsync(Path(TabDemoKaarten.ChannelId), Ct);   // the roster is cached from here on
        await tab.Relay.WhenIdleAsync();
        tab.Requests.Clear();

        string html = await mohammed.GetStringAsync(Path(TabDemoKaarten.ChannelId), Ct);

        Assert.All(TabDemoKaarten.AllCasussen, casus => Assert.Contains(E(casus), html, StringComparison.Ordinal));
        IReadOnlyList<string> requests = tab.Requests.Requests;
        // One query of the channel's thread rows (with the summaries) and one of the tombstones; before the summary, each
        // of the three kaarten cost a partition query, a tombstone read and a reminder read besides.
        Assert.Equal(1, requests.Count(r => r.EndsWith(RegieBot.Storage.RegieTables.Threads, StringComparison.Ordinal)));
        Assert.Equal(1, requests.Count(r => r.EndsWith(RegieBot.Storage.RegieTables.Work, StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.EndsWith(RegieBot.Storage.RegieTables.Kaarten, StringComparison.Ordinal) || r.EndsWith(RegieBot.Storage.RegieTables.Reminders, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThreadRowWithoutSummary_ThatKaartIsReadItself_AndShowsTheSame()
    {
        HttpClient mohammed = tab.ClientAs(TabDemoKaarten.Mohammed);
        string kaartId = tab.KaartIds[TabDemoKaarten.FamilieT];
        string before = Row(await mohammed.GetStringAsync(Path(TabDemoKaarten.ChannelId), Ct), TabDemoKaarten.FamilieT);
        Azure.Data.Tables.TableClient threads = tab.Table(RegieBot.Storage.RegieTables.Threads);
        Azure.Data.Tables.TableEntity row = (await threads.QueryAsync<Azure.Data.Tables.TableEntity>($"KaartId eq '{kaartId}'", cancellationToken: Ct).FirstAsync(Ct))!;
        try
        {
            // A row as written before the summary existed.
            await threads.UpdateEntityAsync(new Azure.Data.Tables.TableEntity(row.PartitionKey, row.RowKey) { ["Summary"] = string.Empty }, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge, Ct);
            await tab.Relay.WhenIdleAsync();
            tab.Requests.Clear();

            string after = Row(await mohammed.GetStringAsync(Path(TabDemoKaarten.ChannelId), Ct), TabDemoKaarten.FamilieT);

            Assert.Equal(before, after);
            Assert.Single(tab.Requests.Requests, r => r.EndsWith(RegieBot.Storage.RegieTables.Kaarten, StringComparison.Ordinal));
            Assert.Single(tab.Requests.Requests, r => r.EndsWith(RegieBot.Storage.RegieTables.Reminders, StringComparison.Ordinal));
        }
        finally
        {
            await tab.Store.ApplySummaryAsync(kaartId, null, Ct);
        }
    }

    private (string Conversation, JsonObject Card)[] Sent() =>
        [.. tab.Connector.Calls
            .Where(c => c.Kind == "send" && c.Activity.Attachments is { Count: > 0 })
            .Select(c => (c.ConversationId, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(c.Activity.Attachments![0].Content))!.AsObject()))
            .Where(c => c.Item2.ToJsonString().Contains("Vraag om bevestiging", StringComparison.Ordinal))];

    private static string Row(string html, string casus)
    {
        int start = html.LastIndexOf("<li", html.IndexOf(E(casus), StringComparison.Ordinal), StringComparison.Ordinal);
        return html[start..(html.IndexOf("</li>", start, StringComparison.Ordinal) + 5)];
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
