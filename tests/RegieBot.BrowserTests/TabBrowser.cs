using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moq;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Testing.Teams;

namespace RegieBot.BrowserTests;

/// <summary>
/// The real host on Kestrel (127.0.0.1, Development without an Entra app: the tab's local sign-in) on Azurite with the
/// demo kaarten, and Debian's Chromium driven by Playwright. Playwright never downloads a browser: it is launched
/// from <see cref="ChromiumPath"/> (override with REGIEBOT_CHROMIUM). Without it the tests skip with the reason,
/// except in CI (REGIEBOT_REQUIRE_SHARED=1 or CI=true), where that is a failure.
/// </summary>
public sealed class TabBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly AzuriteStorage _storage = new();
    private AzuriteBotApplicationFactory? _app;
    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> KaartIds { get; private set; } = new Dictionary<string, string>();

    /// <summary>Screenshots and PDFs: artifacts/test-results/browser/ (and docs/images/ for the README when asked).</summary>
    public static string ArtifactsFolder => Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "browser");

    public static bool InCi =>
        SharedDocuments.IsRequired || SharedDocuments.IsSet(Environment.GetEnvironmentVariable("CI"));

    public async ValueTask InitializeAsync()
    {
        string chromium = Environment.GetEnvironmentVariable("REGIEBOT_CHROMIUM") is { Length: > 0 } configured ? configured : ChromiumPath;
        if (!File.Exists(chromium))
        {
            SkipReason = $"needs Chromium at {chromium} (apt-get install chromium; scripts/test.sh installs it)";
            return;
        }

        await _storage.InitializeAsync();
        _app = new AzuriteBotApplicationFactory(_storage.TablePrefix, settings: new Dictionary<string, string>
        {
            ["RegieBot:Reminders:PollInterval"] = "01:00:00",
        });
        _app.Connector.Setup(c => c.GetMembersAsync(It.IsAny<string>(), TabDemoKaarten.ChannelId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(TabDemoKaarten.ChannelMembers);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;
        KaartIds = await TabDemoKaarten.SeedAsync(
            _app.Services.GetRequiredService<IKaartStore>(), _app.Services.GetRequiredService<IReminderStore>(), _storage.TablePrefix, DateTimeOffset.UtcNow, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=nl-NL"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>Skips the test when there is no Chromium (fails it in CI).</summary>
    public void RequireBrowser()
    {
        if (SkipReason is not null && InCi)
        {
            Assert.Fail(SkipReason + "; in CI the browser tests must run");
        }

        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
    }

    /// <summary>A fresh browser context (own session storage), signed in locally as <paramref name="aadObjectId"/>.</summary>
    public async Task<IPage> SignedInAsync(string aadObjectId, ViewportSize? viewport = null)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = viewport is not null && viewport.Width < 600,
        });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync("/tab/");
        await page.SelectOptionAsync("#gebruiker", aadObjectId);
        await page.WaitForSelectorAsync("body[data-geladen]");
        return page;
    }

    /// <summary>Opens a view of the tab in the signed-in context and waits until its content is there (or not found).</summary>
    public static async Task OpenAsync(IPage page, string query)
    {
        await page.GotoAsync("/tab/" + query);
        await page.WaitForSelectorAsync("body[data-geladen]");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await _storage.DisposeAsync();
        }
    }
}
