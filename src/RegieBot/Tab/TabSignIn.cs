using System.Net;
using RegieBot.Protocol.Authentication;

namespace RegieBot.Tab;

/// <summary>
/// Who is asking. With an Entra app (<c>MicrosoftAppId</c> and tenant) only a valid Teams SSO token counts. Without
/// one, and only in the Development environment from loopback, the local sign-in: the header
/// <see cref="LocalUserHeader"/> names one of the Playground's mock users. Anywhere else nobody is signed in. Loopback
/// means the peer, the name the request was sent to (<c>Host</c>) and no proxy in between (no forwarding header): a
/// reverse proxy on the same machine, or a DNS name rebound to 127.0.0.1, would otherwise pass for a local browser.
/// </summary>
internal sealed class TabSignIn(ITabTokenValidator validator, PlaygroundUsers playground, IHostEnvironment environment)
{
    public const string LocalUserHeader = "X-RegieBot-Lokale-Gebruiker";

    /// <summary>Local sign-in is offered: Development, and no Entra app to validate tokens with.</summary>
    public bool LocalMode => !validator.IsConfigured && environment.IsDevelopment();

    /// <summary>The signed-in user's Entra object id, or null.</summary>
    public async Task<string?> UserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (validator.IsConfigured)
        {
            TabAuthenticationResult result = await validator.ValidateAsync(request.Headers.Authorization.ToString(), cancellationToken);
            return result.UserAadObjectId;
        }

        if (!LocalMode || !IsLocal(request.HttpContext.Connection.RemoteIpAddress) || !IsLoopbackName(request.Host)
            || ForwardingHeaders.Any(request.Headers.ContainsKey) || request.Headers.Authorization.Count > 0)
        {
            return null;
        }

        return playground.Find(request.Headers[LocalUserHeader].ToString())?.AadObjectId;
    }

    /// <summary>What proxies add; a local browser sends none of them.</summary>
    private static readonly string[] ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Original-For", "X-Original-Host", "X-Real-IP"];

    /// <summary>Loopback, or no network peer at all (an in-process test server).</summary>
    private static bool IsLocal(IPAddress? remote) => remote is null || IPAddress.IsLoopback(remote);

    /// <summary><c>localhost</c> or a loopback address, with any port.</summary>
    private static bool IsLoopbackName(HostString host)
    {
        string name = host.HasValue ? host.Host.TrimStart('[').TrimEnd(']') : string.Empty;
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out IPAddress? address) && IPAddress.IsLoopback(address));
    }
}
