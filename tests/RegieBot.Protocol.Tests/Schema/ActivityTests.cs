using System.Text.Json;
using System.Text.Json.Nodes;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Protocol.Tests.Schema;

public sealed class ActivityTests
{
    [Theory]
    [InlineData("channel-message.json")]
    [InlineData("conversation-update-bot-added.json")]
    [InlineData("invoke-action.json")]
    [InlineData("personal-message.json")]
    public void Serialize_RecordedActivity_RoundTripLosesNothing(string file)
    {
        string json = TestActivities.ReadJson(file);

        Activity activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        string written = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.True(JsonNode.DeepEquals(Normalize(JsonNode.Parse(json)), Normalize(JsonNode.Parse(written))), written);
    }

    [Fact]
    public void Deserialize_UnknownField_IsKeptInUnmodelled()
    {
        Activity activity = TestActivities.Read("channel-message.json");

        Assert.NotNull(activity.Unmodelled);
        Assert.Equal(3, activity.Unmodelled["futureField"].GetProperty("nested").GetArrayLength());
    }

    [Fact]
    public void Deserialize_ChannelMessage_ReadsTheModelledFields()
    {
        Activity activity = TestActivities.Read("channel-message.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("https://smba.trafficmanager.net/emea/7f0c0000-0000-0000-0000-00000000abcd/", activity.ServiceUrl);
        Assert.Equal("5d2f0000-0000-0000-0000-000000000001", activity.From?.AadObjectId);
        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("platform", activity.Entities![1].Unmodelled!.Keys.ElementAt(2));
    }

    [Fact]
    public void Deserialize_WithoutType_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"1"}""", ProtocolJsonContext.Default.Activity));
    }

    [Fact]
    public void Serialize_OutboundCard_WritesCamelCaseAndOmitsNulls()
    {
        Activity reply = new()
        {
            Type = ActivityTypes.Message,
            Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" })],
        };

        JsonNode written = JsonNode.Parse(JsonSerializer.Serialize(reply, ProtocolJsonContext.Default.Activity))!;

        Assert.Equal(2, written.AsObject().Count);
        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)written["attachments"]![0]!["contentType"]);
        Assert.Equal("1.5", (string?)written["attachments"]![0]!["content"]!["version"]);
    }

    [Fact]
    public void GetTeamsChannelData_TeamInstall_ReadsTenantTeamAndEventType()
    {
        Activity activity = TestActivities.Read("conversation-update-bot-added.json");

        TeamsChannelData? data = activity.GetTeamsChannelData();

        Assert.Equal("7f0c0000-0000-0000-0000-00000000abcd", data?.Tenant?.Id);
        Assert.Equal("19:team01@thread.tacv2", data?.Team?.Id);
        Assert.Equal("a1b2c3d4-0000-0000-0000-000000000009", data?.Team?.AadGroupId);
        Assert.Equal(TeamsEventTypes.TeamMemberAdded, data?.EventType);
        Assert.Equal("19:team01@thread.tacv2", data?.Settings?.SelectedChannel?.Id);
    }

    [Fact]
    public void GetTeamsChannelData_ChannelDataIsNotAnObject_ReturnsNull()
    {
        Activity activity = new() { Type = ActivityTypes.Message, ChannelData = JsonDocument.Parse("\"x\"").RootElement };

        Assert.Null(activity.GetTeamsChannelData());
    }

    // Timestamps may be written with another offset notation; compare them as instants.
    private static JsonNode? Normalize(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (string key in new[] { "timestamp", "localTimestamp" })
            {
                if (obj[key] is JsonValue v && v.TryGetValue(out string? s))
                {
                    obj[key] = DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
                }
            }
        }

        return node;
    }
}
