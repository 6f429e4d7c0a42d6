using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Tests.Schema;

public sealed class InvokeResponseTests
{
    [Theory]
    [InlineData(400, "application/vnd.microsoft.error")]
    [InlineData(401, "application/vnd.microsoft.error")]
    [InlineData(412, "application/vnd.microsoft.error.preconditionFailed")]
    [InlineData(500, "application/vnd.microsoft.error")]
    public void Error_StatusTheUniversalActionsSpecDefines_HasItsTypeAndTheMessage(int status, string type)
    {
        InvokeResponse response = InvokeResponse.Error(status, "code", "Een zin in het Nederlands.");

        Assert.Equal(200, response.Status);
        Assert.Equal(status, (int)response.Body!["statusCode"]!);
        Assert.Equal(type, (string?)response.Body["type"]);
        Assert.Equal("Een zin in het Nederlands.", (string?)response.Body["value"]!["message"]);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(503)]
    [InlineData(200)]
    public void Error_StatusTeamsDoesNotShow_IsRefused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvokeResponse.Error(status, "code", "tekst"));
    }

    [Fact]
    public void Message_IsStatus200WithTheText()
    {
        InvokeResponse response = InvokeResponse.Message("Deze kaart hoort bij een ander gesprek.");

        Assert.Equal((200, "application/vnd.microsoft.activity.message"), ((int)response.Body!["statusCode"]!, (string?)response.Body["type"]));
        Assert.Equal("Deze kaart hoort bij een ander gesprek.", (string?)response.Body["value"]);
    }
}
