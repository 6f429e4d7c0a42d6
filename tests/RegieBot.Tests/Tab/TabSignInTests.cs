using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Moq;
using RegieBot.Protocol.Authentication;
using RegieBot.Tab;

namespace RegieBot.Tests.Tab;

/// <summary>
/// Who the tab serves: with an Entra app only a valid SSO token; without one, the local sign-in as a Playground
/// mock user, and that only in Development and from loopback.
/// </summary>
public sealed class TabSignInTests
{
    private const string Sanne = "00000000-0000-0000-0000-000000000101";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserAsync_DevelopmentWithoutEntraApp_SignsInAsTheMockUser()
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);

        Assert.True(signIn.LocalMode);
        Assert.Equal(Sanne, await signIn.UserAsync(Request(Sanne), Ct));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Test")]
    public async Task UserAsync_LocalSignInOutsideDevelopment_IsRefused(string environment)
    {
        TabSignIn signIn = Create(environment, configured: false);

        Assert.False(signIn.LocalMode);
        Assert.Null(await signIn.UserAsync(Request(Sanne), Ct));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("2001:db8::1")]
    public async Task UserAsync_LocalSignInFromTheNetwork_IsRefused(string remote)
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);

        Assert.Null(await signIn.UserAsync(Request(Sanne, remote: IPAddress.Parse(remote)), Ct));
    }

    [Theory]
    [InlineData("localhost:3978")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    [InlineData("LOCALHOST")]
    public async Task UserAsync_LocalSignInToALoopbackName_SignsIn(string host)
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);

        Assert.Equal(Sanne, await signIn.UserAsync(Request(Sanne, host: host), Ct));
    }

    [Theory]
    [InlineData("regiebot.evil.example")]
    [InlineData("regiebot.evil.example:3978")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.5:3978")]
    [InlineData("")]
    public async Task UserAsync_LocalSignInToAnotherHostName_IsRefused(string host)
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);

        Assert.Null(await signIn.UserAsync(Request(Sanne, host: host), Ct));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "regiebot.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task UserAsync_LocalSignInThroughAProxy_IsRefused(string header, string value)
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);
        HttpRequest request = Request(Sanne);
        request.Headers[header] = value;

        Assert.Null(await signIn.UserAsync(request, Ct));
    }

    [Fact]
    public async Task UserAsync_LocalSignInAsSomeoneNotInThePlayground_IsRefused()
    {
        TabSignIn signIn = Create(Environments.Development, configured: false);

        Assert.Null(await signIn.UserAsync(Request("00000000-0000-0000-0000-000000000999"), Ct));
    }

    [Fact]
    public async Task UserAsync_WithEntraApp_IgnoresTheLocalHeaderAndUsesOnlyTheToken()
    {
        Mock<ITabTokenValidator> validator = new();
        validator.SetupGet(v => v.IsConfigured).Returns(true);
        validator.Setup(v => v.ValidateAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TabAuthenticationResult.Rejected("no Authorization header"));
        TabSignIn signIn = Create(Environments.Development, validator);

        Assert.False(signIn.LocalMode);
        Assert.Null(await signIn.UserAsync(Request(Sanne), Ct));
        validator.Verify(v => v.ValidateAsync("", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Parse_PlaygroundFile_ReadsEveryMockUser()
    {
        string file = Path.Combine(RepositoryPaths.Root, PlaygroundUsers.FileName);

        IReadOnlyList<LocalUser> users = PlaygroundUsers.Parse(File.ReadLines(file));

        Assert.Equal(6, users.Count);
        Assert.Equal(new LocalUser(Sanne, "Sanne de Vries"), users[0]);
        Assert.Contains(new LocalUser("00000000-0000-0000-0000-000000000106", "Eva Visser"), users);
    }

    private static TabSignIn Create(string environment, bool configured)
    {
        Mock<ITabTokenValidator> validator = new();
        validator.SetupGet(v => v.IsConfigured).Returns(configured);
        return Create(environment, validator);
    }

    private static TabSignIn Create(string environment, Mock<ITabTokenValidator> validator)
    {
        Mock<IHostEnvironment> host = new();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        host.SetupGet(h => h.ContentRootPath).Returns(RepositoryPaths.Root);
        return new TabSignIn(validator.Object, new PlaygroundUsers(host.Object), host.Object);
    }

    private static HttpRequest Request(string user, IPAddress? remote = null, string host = "127.0.0.1:3978")
    {
        DefaultHttpContext context = new();
        context.Connection.RemoteIpAddress = remote ?? IPAddress.Loopback;
        context.Request.Host = new HostString(host);
        context.Request.Headers[TabSignIn.LocalUserHeader] = user;
        return context.Request;
    }
}
