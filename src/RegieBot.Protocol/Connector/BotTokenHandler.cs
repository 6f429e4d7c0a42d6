using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// Adds the bot's bearer token to connector calls, but only to https hosts in
/// <see cref="ConnectorOptions.TrustedServiceUrlHosts"/>: any other serviceUrl is refused before a byte is sent,
/// so a forged serviceUrl cannot collect the token. In anonymous mode (no app id, Development only) nothing is added
/// and only loopback hosts are called (the local Agents Playground): an open endpoint must not be made to call
/// arbitrary URLs. A 401 gets one retry with a freshly acquired token.
/// </summary>
public sealed class BotTokenHandler(
    IBotTokenProvider tokenProvider,
    IOptions<BotIdentityOptions> identity,
    IOptions<ConnectorOptions> options,
    ILogger<BotTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (identity.Value.IsAnonymous)
        {
            if (request.RequestUri is not { IsAbsoluteUri: true, IsLoopback: true })
            {
                string refused = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : "(none)";
                logger.UntrustedServiceUrlRefused(refused);
                throw new UntrustedServiceUrlException(
                    $"The serviceUrl host '{refused}' is not loopback: in anonymous local mode RegieBot calls only the local Agents Playground; nothing was sent.");
            }

            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken);
        }

        if (!TrustedServiceUrls.IsTrusted(request.RequestUri, options.Value.TrustedServiceUrlHosts))
        {
            string host = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : "(none)";
            logger.UntrustedServiceUrlRefused(host);
            throw new UntrustedServiceUrlException(
                $"The serviceUrl host '{host}' is not a trusted Bot Connector host (https and {ConnectorOptions.SectionName}:TrustedServiceUrlHosts); nothing was sent.");
        }

        request.Headers.Authorization = Bearer(await tokenProvider.GetTokenAsync(false, cancellationToken));
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The cached token may have been revoked or issued for a stale configuration: one retry, never a loop.
        logger.UnauthorizedRefreshingToken(request.RequestUri!.Host);
        response.Dispose();
        request.Headers.Authorization = Bearer(await tokenProvider.GetTokenAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
