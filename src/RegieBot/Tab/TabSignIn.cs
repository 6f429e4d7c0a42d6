using System.Net;
using RegieBot.Protocol.Authentication;

namespace RegieBot.Tab;

/// <summary>
/// Who is asking. With an Entra app (<c>MicrosoftAppId</c> and tenant) only a valid Teams SSO token counts. Without
/// one, and only in the Development environment from loopback, the local sign-in: the header
/// <see cref="LocalUserHeader"/> names one of the Playground's mock users. Anywhere else nobody is signed in.
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

        if (!LocalMode || !IsLocal(request.HttpContext.Connection.RemoteIpAddress) || request.Headers.Authorization.Count > 0)
        {
            return null;
        }

        return playground.Find(request.Headers[LocalUserHeader].ToString())?.AadObjectId;
    }

    /// <summary>Loopback, or no network peer at all (an in-process test server).</summary>
    private static bool IsLocal(IPAddress? remote) => remote is null || IPAddress.IsLoopback(remote);
}
