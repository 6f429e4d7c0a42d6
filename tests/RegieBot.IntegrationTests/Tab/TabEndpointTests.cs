using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Cards;
using RegieBot.Common;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>
/// The personal tab's content on the real host and real storage, signed in locally as each Playground mock user:
/// everyone sees exactly the kaarten they are linked on, and of any other kaart not even that it exists.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TabEndpointTests(TabApplication tab) : IClassFixture<TabApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> MockUsers => [.. TabDemoKaarten.CasussenOf.Keys];

    [Theory]
    [MemberData(nameof(MockUsers))]
    public async Task Overzicht_EachMockUser_ShowsExactlyTheirKaarten(string user)
    {
        string html = await tab.ClientAs(user).GetStringAsync("/tab/api/overzicht", Ct);

        Assert.All(TabDemoKaarten.CasussenOf[user], casus => Assert.Contains(Encoded(casus), html, StringComparison.Ordinal));
        Assert.All(TabDemoKaarten.AllCasussen.Except(TabDemoKaarten.CasussenOf[user]), casus => Assert.DoesNotContain(Encoded(casus), html, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MockUsers))]
    public async Task Kaart_EachMockUser_OwnKaartenShownOthers404(string user)
    {
        HttpClient client = tab.ClientAs(user);
        foreach ((string casus, string id) in tab.KaartIds)
        {
            HttpResponseMessage response = await client.GetAsync($"/tab/api/kaarten/{Uri.EscapeDataString(id)}", Ct);
            HttpResponseMessage client404 = await client.GetAsync($"/tab/api/kaarten/{Uri.EscapeDataString(id)}/clientversie", Ct);

            HttpStatusCode expected = TabDemoKaarten.CasussenOf[user].Contains(casus) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal(expected, client404.StatusCode);
            if (expected == HttpStatusCode.NotFound)
            {
                Assert.DoesNotContain(Encoded(casus), await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Kaart_SomeoneElsesAndUnknown_AnswerTheSame404()
    {
        HttpClient eva = tab.ClientAs(TabDemoKaarten.Eva);

        HttpResponseMessage others = await eva.GetAsync($"/tab/api/kaarten/{tab.KaartIds[TabDemoKaarten.FamilieT]}", Ct);
        HttpResponseMessage unknown = await eva.GetAsync("/tab/api/kaarten/bestaat-niet", Ct);

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await others.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Kaart_OwnKaart_HasTheFormsTitlesAndLabelsVersionAndConfirmations()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Mohammed).GetStringAsync($"/tab/api/kaarten/{tab.KaartIds[TabDemoKaarten.FamilieT]}", Ct);

        Assert.All(KaartFormTexts.ByCard["regiekaart"], label => Assert.Contains(Encoded(label.TrimEnd()), html, StringComparison.Ordinal));
        Assert.Contains("Versie 2 ·", html, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries: rol bevestigd op", html, StringComparison.Ordinal);
        Assert.Contains(Encoded("Elke twee weken een kort overleg in het kanaal."), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clientversie_OwnKaart_IsPlainLanguageWithoutSection2OrOtherNames()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Sanne).GetStringAsync($"/tab/api/kaarten/{tab.KaartIds[TabDemoKaarten.FamilieT]}/clientversie", Ct);

        Assert.Contains(Encoded(KaartFormTexts.ClientTitle), html, StringComparison.Ordinal);
        Assert.Contains("Mohammed El Amrani", html, StringComparison.Ordinal);   // the aanspreekpunt
        Assert.DoesNotContain("Elke twee weken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Petra Jansen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overzicht_Sanne_OverdueFirstWithRoleConfirmationEscalationAndTimeline()
    {
        string html = await tab.ClientAs(TabDemoKaarten.Sanne).GetStringAsync("/tab/api/overzicht", Ct);

        Assert.True(html.IndexOf(Encoded(TabDemoKaarten.FamilieT), StringComparison.Ordinal) < html.IndexOf(Encoded(TabDemoKaarten.GezinK), StringComparison.Ordinal));
        Assert.Contains("te-laat", html, StringComparison.Ordinal);
        Assert.Contains("Procesregie, bewaker", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Open escalaties</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Ja, de evaluatie wacht op antwoord", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"tijdlijn\"", html, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/message/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000999")]
    public async Task Api_NoOrUnknownLocalUser_Returns401(string? user)
    {
        HttpResponseMessage overview = await tab.ClientAs(user).GetAsync("/tab/api/overzicht", Ct);
        HttpResponseMessage kaart = await tab.ClientAs(user).GetAsync($"/tab/api/kaarten/{tab.KaartIds[TabDemoKaarten.FamilieT]}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, kaart.StatusCode);
    }

    [Fact]
    public async Task Api_BearerTokenWithoutAnEntraApp_Returns401()
    {
        HttpClient client = tab.ClientAs(TabDemoKaarten.Sanne);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        HttpResponseMessage response = await client.GetAsync("/tab/api/overzicht", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/tab")]
    [InlineData("/tab/")]
    [InlineData("/tab/index.html")]
    [InlineData("/tab/tab.js")]
    [InlineData("/tab/api/aanmelding")]
    [InlineData("/tab/api/overzicht")]
    [InlineData("/tab/api/kaarten/bestaat-niet")]
    public async Task Tab_EveryResponse_IsNotCachedAndOnlyFramedByTeams(string path)
    {
        HttpResponseMessage response = await tab.ClientAs(TabDemoKaarten.Sanne).GetAsync(path, Ct);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        string csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft https://outlook.office.com https://outlook.office365.com", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*;", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_LoadScriptsOnlyFromTheAppItself()
    {
        HttpClient client = tab.ClientAs(null);
        foreach (string page in new[] { "/tab/", "/tab/?kaart=x", "/tab/index.html" })
        {
            string html = await client.GetStringAsync(page, Ct);

            Assert.Contains("<script src=\"tab.js\" defer></script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        }

        Assert.Equal("/tab/", (await client.GetAsync("/tab", Ct)).RequestMessage?.RequestUri?.AbsolutePath);   // redirected
        Assert.Contains("script.src = \"lib/MicrosoftTeams.min.js\";", await client.GetStringAsync("/tab/tab.js", Ct), StringComparison.Ordinal);
        HttpResponseMessage teamsJs = await client.GetAsync("/tab/lib/MicrosoftTeams.min.js", Ct);
        Assert.Equal(HttpStatusCode.OK, teamsJs.StatusCode);
        Assert.Contains("javascript", teamsJs.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aanmelding_Development_OffersThePlaygroundMockUsers()
    {
        string json = await tab.ClientAs(null).GetStringAsync("/tab/api/aanmelding", Ct);

        Assert.Contains("\"modus\":\"lokaal\"", json, StringComparison.Ordinal);
        Assert.All(TabDemoKaarten.CasussenOf.Keys, id => Assert.Contains(id, json, StringComparison.Ordinal));
        Assert.Contains("Sanne de Vries", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kaart_Erased_DisappearsAtOnce()
    {
        (HttpClient eva, string id) = await EvasNewKaartAsync("erase");
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync($"/tab/api/kaarten/{id}", Ct)).StatusCode);

        await tab.App.Services.GetRequiredService<CasusEraser>().EraseAsync(id, "Verwijderd.", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await eva.GetAsync($"/tab/api/kaarten/{id}", Ct)).StatusCode);
        Assert.DoesNotContain($"data-kaart=\"{id}\"", await eva.GetStringAsync("/tab/api/overzicht", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kaart_VerwijderenAnsweredWhileTheErasureStillRuns_IsGoneAtOnce()
    {
        (HttpClient eva, string id) = await EvasNewKaartAsync("tomb");

        // Only the tombstone, as verwijderen writes it first; the erasure itself (Teams' messages first) has not run yet.
        await tab.App.Services.GetRequiredService<Domain.Outbox.IOutboxStore>().MarkEraseAsync(id, "Verwijderd.", null, DateTimeOffset.UtcNow.AddHours(1), Ct);

        Assert.NotNull(await tab.Store.GetKaartAsync(id, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await eva.GetAsync($"/tab/api/kaarten/{id}", Ct)).StatusCode);
        Assert.DoesNotContain($"data-kaart=\"{id}\"", await eva.GetStringAsync("/tab/api/overzicht", Ct), StringComparison.Ordinal);
    }

    /// <summary>A kaart of its own (Familie de B., on which Eva is linked), so erasing it leaves the other tests' data alone.</summary>
    private async Task<(HttpClient Eva, string KaartId)> EvasNewKaartAsync(string prefix)
    {
        IReadOnlyDictionary<string, string> extra = await TabDemoKaarten.SeedAsync(
            tab.Store, tab.App.Services.GetRequiredService<Domain.Reminders.IReminderStore>(), prefix + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow, Ct);
        return (tab.ClientAs(TabDemoKaarten.Eva), extra[TabDemoKaarten.FamilieDeB]);
    }

    private static string Encoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
