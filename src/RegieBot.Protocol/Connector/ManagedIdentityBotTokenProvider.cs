using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// Connector tokens for a bot whose identity is a user-assigned managed identity (<c>MicrosoftAppType=UserAssignedMSI</c>):
/// <c>MicrosoftAppId</c> is the identity's client id, and the token comes from the managed identity endpoint of the
/// host (App Service) for the resource <c>https://api.botframework.com</c> — no secret anywhere. One MSAL managed
/// identity application per process; its in-memory cache renews the token before it expires.
/// </summary>
public sealed class ManagedIdentityBotTokenProvider : IBotTokenProvider
{
    private readonly Lazy<IManagedIdentityApplication> _application;
    private readonly string _resource;
    private readonly string _clientId;
    private readonly ILogger<ManagedIdentityBotTokenProvider> _logger;

    public ManagedIdentityBotTokenProvider(
        IOptions<BotIdentityOptions> identity,
        IOptions<ConnectorOptions> options,
        IHttpClientFactory httpClientFactory,
        ILogger<ManagedIdentityBotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        _clientId = identity.Value.MicrosoftAppId?.Trim() ?? "";
        _resource = Resource(options.Value.TokenScope);
        _logger = logger;
        _application = new(() => CreateApplication(identity.Value, new HttpClientFactoryAdapter(httpClientFactory)));
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            AuthenticationResult result = await _application.Value
                .AcquireTokenForManagedIdentity(_resource)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            _logger.ManagedIdentityTokenFailed(_clientId, ex.ErrorCode, ex);
            throw new ConnectorException(
                "Could not get a Bot Connector token from the managed identity; check that MicrosoftAppId is the client id of the " +
                "user-assigned managed identity assigned to this Web App.",
                ex);
        }
    }

    /// <summary>The managed identity endpoint takes a resource, not a scope: <c>https://api.botframework.com/.default</c> → <c>https://api.botframework.com</c>.</summary>
    internal static string Resource(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string suffix = "/.default";
        return scope.EndsWith(suffix, StringComparison.Ordinal) ? scope[..^suffix.Length] : scope;
    }

    private static IManagedIdentityApplication CreateApplication(BotIdentityOptions identity, IMsalHttpClientFactory httpClientFactory)
    {
        if (identity.IsAnonymous)
        {
            throw new InvalidOperationException("No connector token in anonymous mode: set MicrosoftAppId to the managed identity's client id.");
        }

        return ManagedIdentityApplicationBuilder
            .Create(ManagedIdentityId.WithUserAssignedClientId(identity.MicrosoftAppId!.Trim()))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    private sealed class HttpClientFactoryAdapter(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ConnectorHostingExtensions.TokenHttpClientName);
    }
}
