using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Bot;

/// <summary>
/// Input that is only slightly odd, or sent by a web page rather than a channel: refused with a 4xx before a turn
/// starts, never a 5xx, and nothing of the code in an answer.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Marker = "MARKER-7f3a";

    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("data")]
    [InlineData("verb")]
    [InlineData("value")]
    public async Task Post_LoneSurrogateInCardAction_Returns400(string where)
    {
        JsonNode activity = JsonNode.Parse(Activities.CardAction("refreshKaart"))!;
        switch (where)
        {
            case "data": activity["value"]!["action"]!["data"]!["kaartId"] = Marker; break;
            case "verb": activity["value"]!["action"]!["verb"] = Marker; break;
            default: activity["value"]![Marker] = "x"; break;
        }

        string body = activity.ToJsonString().Replace(Marker, "x\\ud800y", StringComparison.Ordinal);
        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(Encoding.UTF8.GetBytes(body));

        AssertRefused(response, errors);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]   // a surrogate encoded as UTF-8
    public async Task Post_InvalidUtf8InValue_Returns400(byte[] bad)
    {
        JsonNode activity = JsonNode.Parse(Activities.CardAction("refreshKaart"))!;
        activity["value"]!["action"]!["data"]!["kaartId"] = Marker;
        byte[] body = Splice(Encoding.UTF8.GetBytes(activity.ToJsonString()), Encoding.UTF8.GetBytes(Marker), bad);

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(body);

        AssertRefused(response, errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("geen url")]
    [InlineData("/v3/relative")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/\u202Eaeme/")]
    [InlineData("https://smba.trafficmanager.net/emea/?x=1")]
    public async Task Post_ServiceUrlNotAnAbsoluteHttpUrl_Returns400(string? serviceUrl)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("help"))!;
        activity["serviceUrl"] = serviceUrl;

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()));

        AssertRefused(response, errors);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"\"}")]
    public async Task Post_NoSender_Returns400(string from)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("help"))!;
        activity["from"] = JsonNode.Parse(from);

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()));

        AssertRefused(response, errors);
    }

    [Fact]
    public async Task Post_ReplyToTheConversationFails_NoApologyToTheSameUrl()
    {
        _factory.Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));

        (HttpResponseMessage response, _) = await PostAsync(Encoding.UTF8.GetBytes(Activities.ChannelMessage("help")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _factory.Connector.Verify(
            c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Post_ExceptionEscapesInDevelopment_ProblemDetailsSayNothingOfTheCode()
    {
        _factory.Authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<Microsoft.AspNetCore.Http.HttpRequest>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException(Marker));

        (HttpResponseMessage response, _) = await PostAsync(Encoding.UTF8.GetBytes(Activities.ChannelMessage("help")));
        string body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("RegieBot", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("text/json")]
    [InlineData(null)]
    public async Task Post_ContentTypeNotJson_Returns415(string? contentType)
    {
        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(Encoding.UTF8.GetBytes(Activities.ChannelMessage("help")), contentType);

        AssertRefused(response, errors, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task Post_JsonWithAnyParameters_IsAnswered(string contentType)
    {
        (HttpResponseMessage response, _) = await PostAsync(Encoding.UTF8.GetBytes(Activities.ChannelMessage("help")), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Sent);
    }

    private Task<(HttpResponseMessage Response, IReadOnlyList<FakeLogRecord> Errors)> PostAsync(byte[] body, string? contentType = "application/json")
    {
        ByteArrayContent content = new(body);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return _factory.PostLoggedAsync(content, Ct);
    }

    /// <summary>Refused before any turn: the status, nothing logged as an error, nothing sent.</summary>
    private void AssertRefused(HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(errors);
        Assert.Empty(_factory.Sent);
    }

    private static byte[] Splice(byte[] body, byte[] marker, byte[] replacement)
    {
        int at = body.AsSpan().IndexOf(marker);
        return [.. body[..at], .. replacement, .. body[(at + marker.Length)..]];
    }
}
