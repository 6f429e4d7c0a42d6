using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using RegieBot.Cards;
using RegieBot.Domain.Commands;
using RegieBot.Protocol;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Schema;
using RegieBot.Security;

namespace RegieBot.Tests.Security;

public sealed class TenantAllowListTests : IDisposable
{
    private const string OtherTenant = "a1b2c3d4-0000-4000-8000-00000000ffff";

    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        _factory.WithWebHostBuilder(builder =>
        {
            foreach ((string key, string value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        });

    [Fact]
    public async Task Post_TenantNotOnTheList_Returns403AndDoesNothing()
    {
        using WebApplicationFactory<Program> app = WithSettings(("RegieBot:Security:AllowedTenantIds:0", OtherTenant));

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_factory.Sent);
        _factory.Ledger.VerifyNoOtherCalls();
        FakeLogRecord refused = Assert.Single(app.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 5001);
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.DoesNotContain(Activities.TenantId, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(global::RegieBot.Bot.TurnKeyFactory.ForLog(Activities.TenantId), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TenantOnTheList_IsHandled()
    {
        using WebApplicationFactory<Program> app = WithSettings(
            ("RegieBot:Security:AllowedTenantIds:0", OtherTenant),
            ("RegieBot:Security:AllowedTenantIds:1", Activities.TenantId.ToUpperInvariant()));

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRepliedWithTheHelpCard(CommandScopes.Shared);
    }

    [Fact]
    public async Task Post_BotsOwnTenantWithAListOfOthers_IsHandled()
    {
        using WebApplicationFactory<Program> app = WithSettings(
            ("RegieBot:Security:AllowedTenantIds:0", OtherTenant),
            ("MicrosoftAppTenantId", Activities.TenantId));

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(Activities.PersonalMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRepliedWithTheHelpCard(CommandScopes.Personal);
    }

    [Fact]
    public async Task Post_MalformedChannelDataWithAList_Returns403Not500()
    {
        using WebApplicationFactory<Program> app = WithSettings(("RegieBot:Security:AllowedTenantIds:0", OtherTenant));
        string activity = """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","from":{"id":"29:1"},"conversation":{"id":"a:1"},"channelData":{"tenant":"not an object"}}""";

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoListInDevelopment_EveryTenantIsHandled()
    {
        HttpResponseMessage response = await _factory.CreateClient().PostAsync(
            "/api/messages", Json(Activities.ChannelMessage("help").Replace(Activities.TenantId, OtherTenant, StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRepliedWithTheHelpCard(CommandScopes.Shared);
    }

    [Fact]
    public async Task Post_AuthenticationFailsForAForeignTenant_Returns401NotTheTenantAnswer()
    {
        _factory.Authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<Microsoft.AspNetCore.Http.HttpRequest>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(BotAuthenticationResult.Unauthorized("test"));
        using WebApplicationFactory<Program> app = WithSettings(("RegieBot:Security:AllowedTenantIds:0", OtherTenant));

        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", Json(Activities.ChannelMessage("help")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Options_AllowedTenantIdNotAGuid_FailsNamingTheKey()
    {
        ServiceCollection services = new();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RegieBot:Security:AllowedTenantIds:0"] = "contoso.onmicrosoft.com" })
            .Build());
        services.AddRegieSecurity();
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecurityOptions>>().Value);

        Assert.Contains("RegieBot__Security__AllowedTenantIds", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", new string[0], null, "any", true)]
    [InlineData("Development", new[] { OtherTenant }, null, Activities.TenantId, false)]
    [InlineData("Production", new string[0], Activities.TenantId, Activities.TenantId, true)]
    [InlineData("Production", new string[0], Activities.TenantId, OtherTenant, false)]
    [InlineData("Production", new string[0], Activities.TenantId, null, false)]
    [InlineData("Production", new string[0], null, Activities.TenantId, false)]
    [InlineData("Staging", new string[0], Activities.TenantId, OtherTenant, false)]
    [InlineData("Production", new[] { OtherTenant }, Activities.TenantId, OtherTenant, true)]
    public void IsAllowed_EnvironmentListAndOwnTenant_Decides(string environment, string[] allowed, string? ownTenant, string? tenant, bool expected)
    {
        SecurityOptions security = new();
        foreach (string id in allowed)
        {
            security.AllowedTenantIds.Add(id);
        }

        TenantAllowList list = new(
            Options.Create(security),
            Options.Create(new BotIdentityOptions { MicrosoftAppId = "x", MicrosoftAppTenantId = ownTenant }),
            new Mock<IHostEnvironment>().SetupProperty(e => e.EnvironmentName, environment).Object,
            NullLogger<TenantAllowList>.Instance);

        Assert.Equal(expected, list.IsAllowed(tenant));
    }

    /// <summary>
    /// The one reply is the help card itself. Counting replies is not enough: a turn that fails is answered with one
    /// message too (the apology), so a handled tenant and a broken turn would look alike.
    /// </summary>
    private void AssertRepliedWithTheHelpCard(CommandScopes scope)
    {
        (_, _, Activity reply) = Assert.Single(_factory.Sent);
        Attachment card = Assert.Single(reply.Attachments ?? []);
        Assert.Equal(Attachment.AdaptiveCardContentType, card.ContentType);
        Assert.True(JsonNode.DeepEquals(new HelpCard(new CardTemplates()).Build(scope), card.Content), $"the reply is not the help card: {reply.Text}");
    }
}
