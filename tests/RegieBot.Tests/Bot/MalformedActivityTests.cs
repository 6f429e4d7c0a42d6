using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;

namespace RegieBot.Tests.Bot;

/// <summary>
/// Inputs the fuzzer (Security/FuzzTests) found that crashed a turn or answered 500: a well-formed body
/// that Teams would never send. Each is answered without a 5xx and without an error in the log.
/// </summary>
public sealed class MalformedActivityTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("team")]
    [InlineData("tenant")]
    [InlineData("channel")]
    public async Task Post_ChannelDataFieldNotAnObject_IsAnsweredLikeAnyMessage(string field)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("opschalen het loopt vast"))!;
        activity["channelData"]![field] = "onbekend";

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(errors);
        Assert.Single(_factory.Sent);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("{\"automatic\":true}")]
    [InlineData("null")]
    public async Task Post_CardActionTriggerNotAString_IsAnsweredAsAManualClick(string trigger)
    {
        JsonNode activity = JsonNode.Parse(Activities.CardAction("refreshKaart"))!;
        activity["value"]!["trigger"] = JsonNode.Parse(trigger);

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("entities")]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public async Task Post_ListWithANullElement_Returns400(string list)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("help"))!;
        activity[list] = new JsonArray(null, activity[list]?[0]?.DeepClone() ?? new JsonObject { ["id"] = "29:1other" });

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors);
        Assert.Empty(_factory.Sent);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"\"}")]
    public async Task Post_NoConversation_Returns400(string conversation)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("help"))!;
        activity["conversation"] = JsonNode.Parse(conversation);

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors);
        Assert.Empty(_factory.Sent);
    }

    [Theory]
    [InlineData("conversation", "id")]
    [InlineData("from", "id")]
    [InlineData("from", "aadObjectId")]
    [InlineData("recipient", "id")]
    [InlineData("channelData", "team")]
    public async Task Post_IdLongerThanTeamsSends_Returns400(string owner, string field)
    {
        JsonNode activity = JsonNode.Parse(Activities.ChannelMessage("help"))!;
        string id = "19:" + new string('x', 600);
        activity[owner]![field] = field == "team" ? new JsonObject { ["id"] = id } : id;

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors);
        Assert.Empty(_factory.Sent);
    }

    /// <summary>
    /// Found by the fuzzer's duplicate-key mutation: a body naming a property twice was handled with the last value
    /// (a 200), so which of two types, verbs or card data counted was up to the parser. Teams never repeats one.
    /// </summary>
    [Theory]
    [InlineData("{\"type\":\"invoke\",", "{\"type\":\"message\",\"type\":\"invoke\",")]
    [InlineData("{\"type\":\"invoke\",", "{\"type\":\"invoke\",\"t\\u0079pe\":\"invoke\",")]
    [InlineData("\"value\":", "\"value\":{\"verb\":\"verwijderenBevestigen\"},\"value\":")]
    [InlineData("\"verb\":", "\"verb\":\"verwijderenBevestigen\",\"verb\":")]
    [InlineData("\"data\":{}", "\"data\":{\"kaartId\":\"k-1\",\"kaartId\":\"k-2\"}")]
    public async Task Post_PropertyNamedTwice_Returns400(string once, string twice)
    {
        string activity = Activities.CardAction("refreshKaart");
        Assert.Contains(once, activity, StringComparison.Ordinal);
        string body = activity.Replace(once, twice, StringComparison.Ordinal);

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors);
        Assert.Empty(_factory.Sent);
    }

    [Fact]
    public async Task Post_SamePropertyNameInTwoObjects_IsAnswered()
    {
        JsonNode activity = JsonNode.Parse(Activities.CardAction("refreshKaart"))!;
        activity["value"]!["action"]!["data"]!["id"] = "a1";   // "id" also names the activity and the action

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(errors);
    }

    /// <summary>The fuzzer's byte-level mutations of a valid body: a byte order mark in front, a cut inside a character or after a byte.</summary>
    [Theory]
    [InlineData("bom")]
    [InlineData("inside a character")]
    [InlineData("after one byte")]
    public async Task Post_ByteOrderMarkOrCutBody_Returns400(string how)
    {
        byte[] activity = Encoding.UTF8.GetBytes(Activities.CardAction("refreshKaart").Replace("refresh", "réfresh", StringComparison.Ordinal));
        byte[] body = how switch
        {
            "bom" => [0xEF, 0xBB, 0xBF, .. activity],
            "inside a character" => activity[..(Array.IndexOf(activity, (byte)0xC3) + 1)],
            _ => activity[..1],
        };
        using ByteArrayContent content = new(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        (HttpResponseMessage response, IReadOnlyList<FakeLogRecord> errors) = await _factory.PostLoggedAsync(content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors);
    }

    private Task<(HttpResponseMessage Response, IReadOnlyList<FakeLogRecord> Errors)> PostAsync(string body) =>
        _factory.PostLoggedAsync(new StringContent(body, Encoding.UTF8, "application/json"), Ct);
}
