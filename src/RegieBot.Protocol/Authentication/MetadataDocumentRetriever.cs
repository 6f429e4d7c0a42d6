using Microsoft.IdentityModel.Protocols;

namespace RegieBot.Protocol.Authentication;

/// <summary>
/// Fetches OpenID metadata and JWKS documents through <see cref="IHttpClientFactory"/>, so the cache that lives
/// for the whole process does not pin one handler (and its DNS answers) forever.
/// </summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
{
    public const string HttpClientName = "RegieBot.OpenIdMetadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException(requireHttps
                ? "OpenID metadata and keys must be fetched over https."
                : "OpenID metadata and keys must be fetched over http or https.");
        }

        HttpClient client = httpClientFactory.CreateClient(HttpClientName);
        using HttpResponseMessage response = await client.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
