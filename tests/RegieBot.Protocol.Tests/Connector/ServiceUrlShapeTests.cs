using RegieBot.Protocol.Connector;

namespace RegieBot.Protocol.Tests.Connector;

public sealed class ServiceUrlShapeTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/7f0c0000-0000-0000-0000-00000000abcd/")]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("http://localhost:3978")]
    public void IsWellFormed_TeamsAndPlaygroundUrls_IsTrue(string serviceUrl)
    {
        Assert.True(ServiceUrlShape.IsWellFormed(serviceUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("geen url")]
    [InlineData("/v3/conversations")]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://smba.trafficmanager.net/\u202Eaeme/")]
    [InlineData("https://smba.trafficmanager.net/em ea/")]
    [InlineData("https://smba.trafficmänager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/emea/?a=1")]
    [InlineData("https://smba.trafficmanager.net/emea/#x")]
    public void IsWellFormed_AnythingElse_IsFalse(string? serviceUrl)
    {
        Assert.False(ServiceUrlShape.IsWellFormed(serviceUrl));
    }
}
