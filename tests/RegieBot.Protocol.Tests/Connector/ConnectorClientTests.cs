using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IDisposable
{
    private const string ThreadId = "19:c0ffee@thread.tacv2;messageid=1767225699000";
    private const string EscapedThreadId = "19%3Ac0ffee%40thread.tacv2%3Bmessageid%3D1767225699000";
    private const string Base = ConnectorTestHost.ServiceUrl + "v3/";

    private readonly ConnectorTestHost _host = ConnectorTestHost.Create();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SendToConversationAsync_ChannelThread_PostsActivityToEscapedThreadPath()
    {
        _host.Network.Respond(HttpStatusCode.Created, """{"id":"1767225700000"}""");

        ResourceResponse response = await _host.Client.SendToConversationAsync(
            ConnectorTestHost.ServiceUrl, ThreadId, new Activity { Type = "message", Text = "Hallo" }, Ct);

        Assert.Equal("1767225700000", response.Id);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}conversations/{EscapedThreadId}/activities", request.Uri.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentType?.ToString());
        JsonObject body = ParseBody(request);
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Hallo", (string?)body["text"]);
        Assert.False(body.ContainsKey("replyToId"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/v3/conversations/a%3A1xyz/activities")]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/v3/conversations/a%3A1xyz/activities")]
    [InlineData("https://smba.trafficmanager.net/emea/" + ConnectorTestHost.TenantId + "/",
        "https://smba.trafficmanager.net/emea/" + ConnectorTestHost.TenantId + "/v3/conversations/a%3A1xyz/activities")]
    public async Task SendToConversationAsync_ServiceUrlWithOrWithoutSlash_KeepsPathAndJoinsOnce(string serviceUrl, string expected)
    {
        _host.Network.Respond(HttpStatusCode.OK, """{"id":"1"}""");

        await _host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct);

        Assert.Equal(expected, Assert.Single(_host.Network.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ReplyToActivityAsync_ActivityInThread_PostsToActivityPathWithReplyToId()
    {
        _host.Network.Respond(HttpStatusCode.OK, """{"id":"1767225700001"}""");

        ResourceResponse response = await _host.Client.ReplyToActivityAsync(
            ConnectorTestHost.ServiceUrl, ThreadId, "1767225699000", new Activity { Type = "message", Text = "Antwoord" }, Ct);

        Assert.Equal("1767225700001", response.Id);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}conversations/{EscapedThreadId}/activities/1767225699000", request.Uri.AbsoluteUri);
        JsonObject body = ParseBody(request);
        Assert.Equal("1767225699000", (string?)body["replyToId"]);
        Assert.Equal("Antwoord", (string?)body["text"]);
    }

    [Fact]
    public async Task UpdateActivityAsync_CardInThread_PutsWholeActivityWithItsId()
    {
        _host.Network.Respond(HttpStatusCode.OK, """{"id":"1767225699000"}""");
        Activity card = new()
        {
            Type = "message",
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonNode.Parse("""{"type":"AdaptiveCard"}""") }],
        };

        ResourceResponse response = await _host.Client.UpdateActivityAsync(ConnectorTestHost.ServiceUrl, ThreadId, "1767225699000", card, Ct);

        Assert.Equal("1767225699000", response.Id);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal($"{Base}conversations/{EscapedThreadId}/activities/1767225699000", request.Uri.AbsoluteUri);
        JsonObject body = ParseBody(request);
        Assert.Equal("1767225699000", (string?)body["id"]);
        Assert.Equal("AdaptiveCard", (string?)body["attachments"]![0]!["content"]!["type"]);
    }

    [Fact]
    public async Task DeleteActivityAsync_ActivityInThread_SendsDeleteWithoutBody()
    {
        _host.Network.Respond(HttpStatusCode.Accepted);

        await _host.Client.DeleteActivityAsync(ConnectorTestHost.ServiceUrl, ThreadId, "1767225699000", Ct);

        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"{Base}conversations/{EscapedThreadId}/activities/1767225699000", request.Uri.AbsoluteUri);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_OneOnOne_PostsParametersAndReturnsChatId()
    {
        _host.Network.Respond(HttpStatusCode.Created, """{"id":"a:1Xyz"}""");
        ConversationParameters parameters = new()
        {
            Bot = new ChannelAccount { Id = "28:" + ConnectorTestHost.AppId },
            Members = [new ChannelAccount { Id = "29:1abcDEF" }],
            IsGroup = false,
            TenantId = ConnectorTestHost.TenantId,
            ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{ConnectorTestHost.TenantId}}}"}}""").RootElement,
        };

        ConversationResourceResponse created = await _host.Client.CreateConversationAsync(ConnectorTestHost.ServiceUrl, parameters, Ct);

        Assert.Equal("a:1Xyz", created.Id);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}conversations", request.Uri.AbsoluteUri);
        JsonObject body = ParseBody(request);
        Assert.Equal("28:" + ConnectorTestHost.AppId, (string?)body["bot"]!["id"]);
        Assert.Equal("29:1abcDEF", (string?)body["members"]![0]!["id"]);
        Assert.False((bool?)body["isGroup"]);
        Assert.Equal(ConnectorTestHost.TenantId, (string?)body["tenantId"]);
        Assert.Equal(ConnectorTestHost.TenantId, (string?)body["channelData"]!["tenant"]!["id"]);
        Assert.False(body.ContainsKey("activity"));
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThreadAnsweredWithBareChannelId_BuildsThreadId()
    {
        _host.Network.Respond(HttpStatusCode.Created, """{"id":"19:c0ffee@thread.tacv2","activityId":"1767225699000"}""");

        ConversationResourceResponse created = await _host.Client.CreateConversationAsync(ConnectorTestHost.ServiceUrl, NewThread(), Ct);

        Assert.Equal(ThreadId, created.Id);
        Assert.Equal("1767225699000", created.ActivityId);
        JsonObject body = ParseBody(Assert.Single(_host.Network.Requests));
        Assert.True((bool?)body["isGroup"]);
        Assert.Equal("19:c0ffee@thread.tacv2", (string?)body["channelData"]!["channel"]!["id"]);
        Assert.Equal("message", (string?)body["activity"]!["type"]);
        Assert.Equal("Nieuwe regiekaart", (string?)body["activity"]!["text"]);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThreadAnsweredWithThreadId_KeepsReturnedId()
    {
        _host.Network.Respond(HttpStatusCode.Created, """{"id":"19:c0ffee@thread.tacv2;messageid=1767225699999","activityId":"1767225699000"}""");

        ConversationResourceResponse created = await _host.Client.CreateConversationAsync(ConnectorTestHost.ServiceUrl, NewThread(), Ct);

        Assert.Equal("19:c0ffee@thread.tacv2;messageid=1767225699999", created.Id);
    }

    [Fact]
    public async Task CreateConversationAsync_NoIdInAnswer_ThrowsConnectorException()
    {
        _host.Network.Respond(HttpStatusCode.Created, "{}");

        await Assert.ThrowsAsync<ConnectorException>(
            () => _host.Client.CreateConversationAsync(ConnectorTestHost.ServiceUrl, new ConversationParameters { IsGroup = false }, Ct));
    }

    [Fact]
    public async Task GetMembersAsync_ThreePages_FollowsContinuationTokensAndConcatenates()
    {
        _host.Network
            .Respond(HttpStatusCode.OK, """{"continuationToken":"tok+1/=","members":[{"id":"29:a","aadObjectId":"aad-a"},{"id":"29:b"}]}""")
            .Respond(HttpStatusCode.OK, """{"continuationToken":"tok 2","members":[{"id":"29:c","userRole":"guest"}]}""")
            .Respond(HttpStatusCode.OK, """{"members":[{"id":"29:d"}]}""");

        IReadOnlyList<TeamsChannelAccount> members = await _host.Client.GetMembersAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct);

        Assert.Equal(["29:a", "29:b", "29:c", "29:d"], members.Select(m => m.Id));
        Assert.Equal("aad-a", members[0].AadObjectId);
        Assert.Equal("guest", members[2].UserRole);
        string members0 = $"{Base}conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=500";
        Assert.Equal(
            [members0, members0 + "&continuationToken=tok%2B1%2F%3D", members0 + "&continuationToken=tok%202"],
            _host.Network.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.All(_host.Network.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task GetMembersAsync_ConnectorRepeatsToken_ThrowsInsteadOfLooping()
    {
        int pages = 0;
        _host.Network.Fallback = _ => ++pages > 10
            ? throw new InvalidOperationException("the client keeps asking for the same page")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"continuationToken":"same","members":[{"id":"29:a"}]}""") };

        await Assert.ThrowsAsync<ConnectorException>(
            () => _host.Client.GetMembersAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct));

        Assert.Equal(2, _host.Network.Requests.Count);
    }

    [Fact]
    public async Task GetTeamDetailsAsync_Team_GetsEscapedTeamPathAndReadsName()
    {
        _host.Network.Respond(
            HttpStatusCode.OK,
            """{"id":"19:team@thread.tacv2","name":"Regieteam Zeeland","aadGroupId":"g-1","channelCount":2,"memberCount":6,"type":"standard"}""");

        TeamDetails team = await _host.Client.GetTeamDetailsAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct);

        Assert.Equal(new TeamDetails("19:team@thread.tacv2", "Regieteam Zeeland", "g-1"), team);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{Base}teams/19%3Ateam%40thread.tacv2", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetTeamDetailsAsync_BotRemovedFromTeam_ThrowsForbidden()
    {
        _host.Network.Respond(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"x"}}""");

        await Assert.ThrowsAsync<ConnectorForbiddenException>(
            () => _host.Client.GetTeamDetailsAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct));
    }

    [Fact]
    public async Task GetTeamDetailsAsync_EmptyBody_ThrowsConnectorException()
    {
        _host.Network.Respond(HttpStatusCode.OK, string.Empty);

        await Assert.ThrowsAsync<ConnectorException>(
            () => _host.Client.GetTeamDetailsAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct));
    }

    [Fact]
    public async Task GetChannelsAsync_Team_GetsConversationsWithGeneralUnnamed()
    {
        _host.Network.Respond(
            HttpStatusCode.OK,
            """{"conversations":[{"id":"19:team@thread.tacv2","name":null},{"id":"19:casusoverleg@thread.tacv2","name":"Casusoverleg"}]}""");

        IReadOnlyList<ChannelInfo> channels = await _host.Client.GetChannelsAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct);

        Assert.Equal([new ChannelInfo("19:team@thread.tacv2", null), new ChannelInfo("19:casusoverleg@thread.tacv2", "Casusoverleg")], channels);
        RecordedRequest request = Assert.Single(_host.Network.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{Base}teams/19%3Ateam%40thread.tacv2/conversations", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GetChannelsAsync_NoConversations_ReturnsEmpty()
    {
        _host.Network.Respond(HttpStatusCode.OK, "{}");

        Assert.Empty(await _host.Client.GetChannelsAsync(ConnectorTestHost.ServiceUrl, "19:team@thread.tacv2", Ct));
    }

    [Fact]
    public async Task SendToConversationAsync_403WithTeamsCode_ThrowsForbiddenWithCodeAndCorrelationId()
    {
        _host.Network.Respond(
            HttpStatusCode.Forbidden,
            """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""",
            r => r.Headers.Add("X-Correlating-OperationId", "op-42"));

        ConnectorForbiddenException exception = await Assert.ThrowsAsync<ConnectorForbiddenException>(
            () => _host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("BotNotInConversationRoster", exception.ErrorCode);
        Assert.Equal("op-42", exception.CorrelationId);
        Assert.Single(_host.Network.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_403WithSubCodeInMessage_ExposesSubCode()
    {
        _host.Network.Respond(
            HttpStatusCode.Forbidden,
            """{"error":{"code":"ConversationBlockedByUser","message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"x\"}"}}""",
            r => r.Headers.Add("MS-CV", "cv-7"));

        ConnectorForbiddenException exception = await Assert.ThrowsAsync<ConnectorForbiddenException>(
            () => _host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Equal("ConversationBlockedByUser", exception.ErrorCode);
        Assert.Equal("MessageWritesBlocked", exception.ErrorSubCode);
        Assert.Equal("cv-7", exception.CorrelationId);
    }

    [Fact]
    public async Task UpdateActivityAsync_404_ThrowsNotFoundWithCode()
    {
        _host.Network.Respond(HttpStatusCode.NotFound, """{"error":{"code":"ActivityNotFoundInConversation","message":"gone"}}""");

        ConnectorNotFoundException exception = await Assert.ThrowsAsync<ConnectorNotFoundException>(
            () => _host.Client.UpdateActivityAsync(ConnectorTestHost.ServiceUrl, ThreadId, "1", new Activity { Type = "message" }, Ct));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("ActivityNotFoundInConversation", exception.ErrorCode);
        Assert.Single(_host.Network.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_400WithHtmlBody_ThrowsConnectorExceptionWithoutCode()
    {
        _host.Network.Respond(_ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("<html>Bad Request</html>") });

        ConnectorException exception = await Assert.ThrowsAsync<ConnectorException>(
            () => _host.Client.SendToConversationAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.IsType<ConnectorException>(exception);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Null(exception.ErrorCode);
    }

    [Fact]
    public async Task SendToConversationAsync_Failure_LogsOperationStatusCodeAndCorrelationButNoContent()
    {
        _host.Network.Respond(
            HttpStatusCode.Forbidden,
            """{"error":{"code":"BotDisabledByAdmin","message":"Geheime details van Jan Jansen"}}""",
            r => r.Headers.Add("X-Correlating-OperationId", "op-99"));

        await Assert.ThrowsAsync<ConnectorForbiddenException>(() => _host.Client.SendToConversationAsync(
            ConnectorTestHost.ServiceUrl, "a:1xyz", new Activity { Type = "message", Text = "Vertrouwelijke kaarttekst" }, Ct));

        FakeLogRecord failed = Assert.Single(_host.Logs.GetSnapshot(), r => r.Id.Id == 1201);
        Assert.Contains("SendToConversation", failed.Message, StringComparison.Ordinal);
        Assert.Contains("403", failed.Message, StringComparison.Ordinal);
        Assert.Contains("BotDisabledByAdmin", failed.Message, StringComparison.Ordinal);
        Assert.Contains("op-99", failed.Message, StringComparison.Ordinal);
        Assert.All(_host.Logs.GetSnapshot(), r =>
        {
            Assert.DoesNotContain("Jan Jansen", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Vertrouwelijke", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(ConnectorTestHost.Token, r.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams/?x=1")]
    public async Task SendToConversationAsync_InvalidServiceUrl_ThrowsArgumentExceptionWithoutRequest(string serviceUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _host.Client.SendToConversationAsync(serviceUrl, "a:1xyz", new Activity { Type = "message" }, Ct));

        Assert.Empty(_host.Network.Requests);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(" ")]
    public async Task DeleteActivityAsync_IdThatIsNoSegment_ThrowsArgumentExceptionWithoutRequest(string activityId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => _host.Client.DeleteActivityAsync(ConnectorTestHost.ServiceUrl, "a:1xyz", activityId, Ct));

        Assert.Empty(_host.Network.Requests);
    }

    private static ConversationParameters NewThread() => new()
    {
        IsGroup = true,
        TenantId = ConnectorTestHost.TenantId,
        ChannelData = JsonDocument.Parse(
            $$$"""{"channel":{"id":"19:c0ffee@thread.tacv2"},"tenant":{"id":"{{{ConnectorTestHost.TenantId}}}"}}""").RootElement,
        Activity = new Activity { Type = "message", Text = "Nieuwe regiekaart" },
    };

    private static JsonObject ParseBody(RecordedRequest request) =>
        Assert.IsType<JsonObject>(JsonNode.Parse(request.Body ?? throw new InvalidOperationException("no body")));
}
