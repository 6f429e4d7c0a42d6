using Microsoft.AspNetCore.Http;
using RegieBot.Protocol.Schema;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// Decides whether a request to <c>/api/messages</c> really comes from the channel: the bearer token,
/// and the checks that need the body (channel endorsement, the <c>serviceurl</c> claim).
/// </summary>
public interface IBotRequestAuthenticator
{
    Task<BotAuthenticationResult> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken);
}
