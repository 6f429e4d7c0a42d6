using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Bot;
using RegieBot.IntegrationTests.Operations;

namespace RegieBot.IntegrationTests.Tab;

/// <summary>AVG: the tab's pages, with every log level captured, leave nothing of what they show in the logs.</summary>
[Trait("Category", "Integration")]
public sealed class TabLogPrivacyTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private static readonly string[] Secrets =
    [
        TabDemoKaarten.FamilieT, TabDemoKaarten.GezinK, "Sanne de Vries", "Mohammed El Amrani", "Kees Bakker", "k.bakker@school.example",
        "06 12 34 56 78", "belt het gezin elke week", "Elke twee weken een kort overleg", "niet bereikbaar",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_OverviewKaartClientversieAndRefusals_ContainNoCasusNamesOrAgreements()
    {
        using AzuriteBotApplicationFactory azurite = new(storage.TablePrefix, settings: new Dictionary<string, string> { ["RegieBot:Reminders:PollInterval"] = "01:00:00" });
        using WebApplicationFactory<Program> app = azurite.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        });
        IReadOnlyDictionary<string, string> ids = await TabDemoKaarten.SeedAsync(
            app.Services.GetRequiredService<IKaartStore>(), app.Services.GetRequiredService<IReminderStore>(), "logs", DateTimeOffset.UtcNow, Ct);
        HttpClient sanne = app.CreateClient();
        sanne.DefaultRequestHeaders.Add("X-RegieBot-Lokale-Gebruiker", TabDemoKaarten.Sanne);

        string overview = await sanne.GetStringAsync("/tab/api/overzicht", Ct);
        string kaart = await sanne.GetStringAsync($"/tab/api/kaarten/{ids[TabDemoKaarten.FamilieT]}", Ct);
        await sanne.GetStringAsync($"/tab/api/kaarten/{ids[TabDemoKaarten.FamilieT]}/clientversie", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await sanne.GetAsync($"/tab/api/kaarten/{ids[TabDemoKaarten.FamilieDeB]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/tab/api/overzicht", Ct)).StatusCode);

        IReadOnlyList<FakeLogRecord> records = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains("Familie T.", overview, StringComparison.Ordinal);
        Assert.Contains("Kees Bakker", kaart, StringComparison.Ordinal);
        Assert.Contains(records, r => r.Message.Contains("/tab/api/overzicht", StringComparison.Ordinal));   // the requests were logged (their paths only)   // the requests were logged (their paths only)
        foreach (FakeLogRecord record in records)
        {
            string everything = LogPrivacyTests.Describe(record);
            Assert.All(Secrets, secret => Assert.False(everything.Contains(secret, StringComparison.OrdinalIgnoreCase), $"log {record.Id} ({record.Category}) contains '{secret}'"));
        }
    }
}
