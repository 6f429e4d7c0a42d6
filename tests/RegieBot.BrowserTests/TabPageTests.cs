using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RegieBot.Testing.Teams;

namespace RegieBot.BrowserTests;

/// <summary>
/// "Mijn regiekaarten" in a real browser: each Playground mock user sees their kaarten and nothing of others', the
/// kaart prints on A4 (screenshot and PDF in artifacts/test-results/browser/), it reads on a phone, the browser
/// reports no CSP violation, and axe finds no serious or critical accessibility problem.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TabPageTests(TabBrowser browser) : IClassFixture<TabBrowser>
{
    /// <summary>Set to 1 to also write the README's screenshots to docs/images/.</summary>
    public const string UpdateScreenshotsVariable = "REGIEBOT_UPDATE_SCREENSHOTS";

    /// <summary>The channel tab of the demo kaarten' channel.</summary>
    private const string Kanaal = "?kanaal=19%3Acasusoverleg%40thread.tacv2";

    public static TheoryData<string> MockUsers => [.. TabDemoKaarten.CasussenOf.Keys];

    [Theory]
    [MemberData(nameof(MockUsers))]
    public async Task Overzicht_EachMockUser_ShowsTheirKaartenAndNothingOfOthers(string user)
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(user);

        string text = await page.InnerTextAsync("main");

        Assert.Contains("Mijn regiekaarten", text, StringComparison.Ordinal);
        Assert.All(TabDemoKaarten.CasussenOf[user], casus => Assert.Contains(casus, text, StringComparison.Ordinal));
        Assert.All(TabDemoKaarten.AllCasussen.Except(TabDemoKaarten.CasussenOf[user]), casus => Assert.DoesNotContain(casus, text, StringComparison.Ordinal));
        Assert.Equal(TabDemoKaarten.CasussenOf[user].Length, await page.Locator("li.kaart").CountAsync());
        Assert.Equal(TabDemoKaarten.CasussenOf[user].Length, await page.Locator("li.kaart svg.tijdlijn").CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(MockUsers))]
    public async Task Kaart_EachMockUser_OwnKaartenShownOthersNotFound(string user)
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(user);
        foreach ((string casus, string id) in browser.KaartIds)
        {
            await TabBrowser.OpenAsync(page, "?kaart=" + Uri.EscapeDataString(id));

            string text = await page.InnerTextAsync("main");
            if (TabDemoKaarten.CasussenOf[user].Contains(casus))
            {
                Assert.Equal("ja", await page.GetAttributeAsync("body", "data-geladen"));
                Assert.Contains("Regiekaart ‘Samenwerken’", text, StringComparison.Ordinal);
                Assert.Contains(casus, text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("niet-gevonden", await page.GetAttributeAsync("body", "data-geladen"));
                Assert.DoesNotContain(casus, text, StringComparison.Ordinal);
                Assert.True(await page.Locator("#afdrukken").IsDisabledAsync());
            }
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Kaart_Printed_IsA4WithoutTheButtonsAndTheButtonUsesTheBrowsersPrint()
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Sanne);
        await TabBrowser.OpenAsync(page, "?kaart=" + Uri.EscapeDataString(browser.KaartIds[TabDemoKaarten.FamilieT]));
        await page.EvaluateAsync("() => { window.__afgedrukt = 0; window.print = () => { window.__afgedrukt++; }; }");

        await page.ClickAsync("#afdrukken");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        byte[] screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });

        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__afgedrukt"));
        Assert.False(await page.Locator("#afdrukken").IsVisibleAsync());
        Assert.False(await page.Locator("header.balk").IsVisibleAsync());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.InRange(PageCount(pdf), 1, 3);
        Save("kaart-afgedrukt.png", screenshot, readme: true);
        Save("kaart.pdf", pdf);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// In Teams the host says which client it is (teams-js <c>app.getContext</c>): only the desktop and web clients can
    /// print a tab, so the mobile clients get no "Afdrukken" button that would do nothing. Teams itself is stood in for
    /// by a page script, and the sign-in and content by routes: this checks the page's own logic.
    /// </summary>
    [Theory]
    [InlineData("android", false)]
    [InlineData("ios", false)]
    [InlineData("desktop", true)]
    [InlineData("web", true)]
    public async Task Kaart_InTeams_PrintButtonOnlyWhereTheHostCanPrint(string clientType, bool offered)
    {
        browser.RequireBrowser();
        IBrowserContext context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), Locale = "nl-NL" });
        await context.AddInitScriptAsync(
            "window.microsoftTeams = { app: { initialize: () => Promise.resolve(), getContext: () => Promise.resolve({ app: { host: { clientType: '"
            + clientType + "' } } }), openLink: () => Promise.resolve() }, authentication: { getAuthToken: () => Promise.resolve('token') } };");
        IPage page = await context.NewPageAsync();
        await page.RouteAsync("**/tab/api/aanmelding", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = """{"modus":"teams"}""" }));
        await page.RouteAsync("**/tab/api/kaarten/**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<h1>Regiekaart</h1>" }));

        await TabBrowser.OpenAsync(page, "?kaart=k1");

        Assert.Equal(clientType, await page.EvaluateAsync<string>("() => document.body.dataset.host"));
        Assert.Equal(offered, await page.Locator("#afdrukken").IsVisibleAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Clientversie_Printed_RendersAsPdf()
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Mohammed);
        await TabBrowser.OpenAsync(page, "?clientversie=" + Uri.EscapeDataString(browser.KaartIds[TabDemoKaarten.FamilieT]));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.Contains("Afspraken over jullie hulp", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.InRange(PageCount(pdf), 1, 2);
        Save("clientversie.pdf", pdf);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overzicht_Desktop_ScreenshotForTheReadme()
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Sanne);

        byte[] screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });

        Assert.Equal(2, await page.Locator("li.kaart").CountAsync());
        Assert.Equal(1, await page.Locator("li.kaart.te-laat").CountAsync());
        Save("overzicht.png", screenshot, readme: true);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?kaart={0}")]
    [InlineData("?clientversie={0}")]
    [InlineData(Kanaal)]
    public async Task Page_PhoneSizedViewport_HasNoHorizontalScrolling(string query)
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Sanne, new ViewportSize { Width = 360, Height = 740 });
        await TabBrowser.OpenAsync(page, string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Uri.EscapeDataString(browser.KaartIds[TabDemoKaarten.FamilieT])));

        int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 1, $"the page is {overflow}px wider than the phone's viewport");
        if (query.Length == 0)
        {
            Save("overzicht-telefoon.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }));
        }
        else if (query == Kanaal)
        {
            Save("kanaal-telefoon.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }), readme: true);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?kaart={0}")]
    [InlineData("?clientversie={0}")]
    [InlineData(Kanaal)]
    public async Task Page_Axe_FindsNoSeriousOrCriticalViolationAndNoCspViolation(string query)
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Sanne);
        List<string> cspErrors = [];
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };
        await TabBrowser.OpenAsync(page, string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Uri.EscapeDataString(browser.KaartIds[TabDemoKaarten.FamilieT])));

        AxeResult result = await page.RunAxe();

        string[] serious = [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}")];
        Assert.NotEmpty(result.Passes);   // axe did run on the content
        Assert.True(serious.Length == 0, string.Join('\n', serious));
        Assert.Empty(cspErrors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Kanaal_Member_SeesAttentionFirstAndAsksForConfirmation()
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Sanne);
        await TabBrowser.OpenAsync(page, Kanaal);

        Assert.Equal("ja", await page.GetAttributeAsync("body", "data-geladen"));
        Assert.Equal(3, await page.Locator("li.kaart").CountAsync());
        Assert.Equal(TabDemoKaarten.FamilieT, await page.Locator("li.kaart h2").First.InnerTextAsync());
        Assert.Contains("escalatie open", await page.InnerTextAsync("p.tellingen"), StringComparison.Ordinal);
        Save("kanaal.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }), readme: true);

        ILocator ask = page.Locator("li.kaart").Nth(1).Locator("button[data-vraag]");
        await ask.FocusAsync();
        await page.Keyboard.PressAsync("Enter");   // keyboard only
        await page.WaitForSelectorAsync("li.kaart p.melding[role=status]");
        Assert.Contains("draad van de casus", await page.InnerTextAsync("li.kaart p.melding"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Kanaal_NonMember_SeesNothingOfTheChannel()
    {
        browser.RequireBrowser();
        IPage page = await browser.SignedInAsync(TabDemoKaarten.Petra);   // she left the channel
        await TabBrowser.OpenAsync(page, Kanaal);

        Assert.Equal("niet-gevonden", await page.GetAttributeAsync("body", "data-geladen"));
        string text = await page.InnerTextAsync("main");
        Assert.All(TabDemoKaarten.AllCasussen, casus => Assert.DoesNotContain(casus, text, StringComparison.Ordinal));
        Save("kanaal-geen-lid.png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }));
        await page.Context.CloseAsync();
    }

    private static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static void Save(string name, byte[] content, bool readme = false)
    {
        File.WriteAllBytes(Path.Combine(TabBrowser.ArtifactsFolder, name), content);
        if (readme && SharedDocuments.IsSet(Environment.GetEnvironmentVariable(UpdateScreenshotsVariable)))
        {
            string images = Path.Combine(RepositoryPaths.Root, "docs", "images");
            Directory.CreateDirectory(images);
            File.WriteAllBytes(Path.Combine(images, "tab-" + name), content);
        }
    }
}
