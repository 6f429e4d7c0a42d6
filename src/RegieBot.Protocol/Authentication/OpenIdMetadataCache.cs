using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata address: metadata and JWKS are cached and refreshed in
/// the background every <see cref="BotAuthenticationOptions.MetadataRefreshInterval"/>.
/// </summary>
internal sealed class OpenIdMetadataCache(
    IHttpClientFactory httpClientFactory,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider timeProvider,
    ILogger<OpenIdMetadataCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Cached configuration; throws when it was never fetched and cannot be fetched now.</summary>
    public Task<OpenIdConnectConfiguration> GetAsync(string metadataAddress, CancellationToken cancellationToken) =>
        GetEntry(metadataAddress).Manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// For a token whose key id is not in the cached keys: fetch metadata and keys again and wait for them, at most
    /// once per <see cref="BotAuthenticationOptions.UnknownKeyRefreshInterval"/> per address. Within that interval
    /// the caller gets the keys of the last refresh (waiting for it if it is still running).
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(string metadataAddress, CancellationToken cancellationToken)
    {
        Entry entry = GetEntry(metadataAddress);
        TimeSpan interval = options.Value.UnknownKeyRefreshInterval;
        Task refresh;
        lock (entry.Sync)
        {
            DateTimeOffset now = timeProvider.GetUtcNow();
            if (entry.LastRefresh is null || entry.LastRefreshAt + interval <= now)
            {
                entry.LastRefreshAt = now;
                entry.LastRefresh = Task.Run(() => ReplaceManagerAsync(entry, metadataAddress), CancellationToken.None);
            }
            else
            {
                logger.SigningKeysRefreshSkipped(metadataAddress, interval);
            }

            refresh = entry.LastRefresh;
        }

        await refresh.WaitAsync(cancellationToken);
        return await entry.Manager.GetConfigurationAsync(cancellationToken);
    }

    // The non-blocking ConfigurationManager.RequestRefresh would let the request that brought the new key fail;
    // a fresh manager fetches before it answers, and replaces the old one only when that fetch succeeded.
    private async Task ReplaceManagerAsync(Entry entry, string metadataAddress)
    {
        ConfigurationManager<OpenIdConnectConfiguration> manager = CreateManager(metadataAddress);
        await manager.GetConfigurationAsync(CancellationToken.None);
        entry.Manager = manager;
        logger.SigningKeysRefreshed(metadataAddress);
    }

    private Entry GetEntry(string metadataAddress) =>
        _entries.GetOrAdd(metadataAddress, address => new Entry(CreateManager(address)));

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string metadataAddress) =>
        new(metadataAddress,
            new OpenIdConnectConfigurationRetriever(),
            new MetadataDocumentRetriever(httpClientFactory, options.Value.RequireHttpsMetadata))
        {
            AutomaticRefreshInterval = options.Value.MetadataRefreshInterval,
        };

    private sealed class Entry(ConfigurationManager<OpenIdConnectConfiguration> manager)
    {
        private volatile ConfigurationManager<OpenIdConnectConfiguration> _manager = manager;

        public Lock Sync { get; } = new();

        public ConfigurationManager<OpenIdConnectConfiguration> Manager
        {
            get => _manager;
            set => _manager = value;
        }

        public Task? LastRefresh { get; set; }

        public DateTimeOffset LastRefreshAt { get; set; }
    }
}
