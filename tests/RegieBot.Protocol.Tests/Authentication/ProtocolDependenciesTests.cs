namespace RegieBot.Protocol.Tests.Authentication;

/// <summary>Inbound tokens are checked by our own handler on Microsoft.IdentityModel; no ASP.NET Core JWT bearer package ships.</summary>
public sealed class ProtocolDependenciesTests
{
    [Fact]
    public void Dependencies_OfTheProtocol_DoNotIncludeTheUnusedJwtBearerPackage()
    {
        string deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RegieBot.Protocol.Tests.deps.json"));

        Assert.Contains("Microsoft.IdentityModel.Protocols.OpenIdConnect", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.Authentication.JwtBearer", deps, StringComparison.Ordinal);
    }
}
