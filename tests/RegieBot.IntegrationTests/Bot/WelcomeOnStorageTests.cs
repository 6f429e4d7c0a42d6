using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// The welcome comes once per team, group chat or personal chat, whatever events Teams sends and however far apart;
/// after the app is removed from the whole team it comes again with the next install.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WelcomeOnStorageTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_BotAddedThenInstallationUpdate35SecondsLater_WelcomesOnce()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, time: _time);
        string team = NewTeam();

        await PostAsync(app, BotAdded(team));
        _time.Advance(TimeSpan.FromSeconds(35));
        await PostAsync(app, InstallationUpdate(team, "add"));
        _time.Advance(TimeSpan.FromDays(30));
        await PostAsync(app, BotAdded(team));

        Assert.Equal(1, app.SentCount);
    }

    [Fact]
    public async Task Post_GroupChatAddedTwiceAMinuteApart_WelcomesOnce()
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, time: _time);
        string chat = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";

        await PostAsync(app, InGroupChat(InstallationUpdate(chat, "add"), chat));
        _time.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(app, InGroupChat(BotAdded(chat), chat));

        Assert.Equal(1, app.SentCount);
    }

    /// <summary>Removing the app from the team starts afresh; removing it from one (private or shared) channel does not.</summary>
    [Theory]
    [InlineData("teamMemberRemoved", 2)]
    [InlineData("channelMemberRemoved", 1)]
    public async Task Post_RemovedAndAddedAgain_WelcomesAgainOnlyAfterLeavingTheTeam(string removal, int welcomes)
    {
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, time: _time);
        string team = NewTeam();

        await PostAsync(app, BotAdded(team));
        _time.Advance(TimeSpan.FromDays(2));
        await PostAsync(app, BotRemoved(team, removal));
        _time.Advance(TimeSpan.FromDays(2));
        await PostAsync(app, BotAdded(team));

        Assert.Equal(welcomes, app.SentCount);
    }

    private static string NewTeam() => "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

    private static JsonObject BotAdded(string team)
    {
        JsonObject activity = Base("conversationUpdate", team, "teamMemberAdded");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        return activity;
    }

    private static JsonObject BotRemoved(string team, string eventType)
    {
        JsonObject activity = Base("conversationUpdate", team, eventType);
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        return activity;
    }

    private static JsonObject InstallationUpdate(string team, string action)
    {
        JsonObject activity = Base("installationUpdate", team, null);
        activity["action"] = action;
        return activity;
    }

    private static JsonObject InGroupChat(JsonObject activity, string chat)
    {
        activity["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.TenantId } };
        return activity;
    }

    private static JsonObject Base(string type, string team, string? eventType)
    {
        JsonObject channelData = new()
        {
            ["tenant"] = new JsonObject { ["id"] = Activities.TenantId },
            ["team"] = new JsonObject { ["id"] = team },
        };
        if (eventType is not null)
        {
            channelData["eventType"] = eventType;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Activities.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:1abcDEF" },
            ["recipient"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "RegieBot" },
            ["conversation"] = new JsonObject { ["id"] = team, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Activities.TenantId },
            ["channelData"] = channelData,
        };
    }

    private static async Task PostAsync(AzuriteBotApplicationFactory app, JsonObject activity)
    {
        HttpResponseMessage response = await app.CreateClient().PostAsync(
            "/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
