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

    private Task<(HttpResponseMessage Response, IReadOnlyList<FakeLogRecord> Errors)> PostAsync(string body) =>
        _factory.PostLoggedAsync(new StringContent(body, Encoding.UTF8, "application/json"), Ct);
}
