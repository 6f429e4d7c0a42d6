using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// Client-credentials tokens for the connector from one MSAL confidential client per process: MSAL's in-memory
/// app token cache returns the cached token and renews it before it expires. Authority
/// <c>{TokenAuthorityHost}/{MicrosoftAppTenantId}</c>, or <c>/botframework.com</c> for a legacy multi-tenant bot.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly string[] _scopes;
    private readonly string _appId;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(
        IOptions<BotIdentityOptions> identity,
        IOptions<ConnectorOptions> options,
        IHttpClientFactory httpClientFactory,
        ILogger<MsalBotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        _appId = identity.Value.MicrosoftAppId ?? "";
        _scopes = [options.Value.TokenScope];
        _logger = logger;
        _application = new(() => CreateApplication(identity.Value, options.Value, new HttpClientFactoryAdapter(httpClientFactory)));
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            AuthenticationResult result = await _application.Value
                .AcquireTokenForClient(_scopes)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            _logger.TokenAcquisitionFailed(_appId, ex.ErrorCode, ex);
            throw new ConnectorException("Could not acquire a Bot Connector token; check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.", ex);
        }
    }

    internal static IConfidentialClientApplication CreateApplication(
        BotIdentityOptions identity, ConnectorOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        if (identity.IsAnonymous)
        {
            throw new InvalidOperationException("No connector token in anonymous mode: set MicrosoftAppId to use credentials.");
        }

        if (string.IsNullOrWhiteSpace(identity.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("MicrosoftAppId is set but MicrosoftAppPassword is empty: set MicrosoftAppPassword.");
        }

        return ConfidentialClientApplicationBuilder
            .Create(identity.MicrosoftAppId)
            .WithClientSecret(identity.MicrosoftAppPassword)
            .WithAuthority(Authority(identity, options), validateAuthority: true)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    internal static string Authority(BotIdentityOptions identity, ConnectorOptions options)
    {
        string tenant = string.IsNullOrWhiteSpace(identity.MicrosoftAppTenantId) ? "botframework.com" : identity.MicrosoftAppTenantId.Trim();
        return $"{options.TokenAuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}";
    }

    /// <summary>MSAL's token requests go through <see cref="IHttpClientFactory"/> (pooled handlers, proxy settings, testable).</summary>
    private sealed class HttpClientFactoryAdapter(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ConnectorHostingExtensions.TokenHttpClientName);
    }
}
