namespace RegieBot.Protocol.Connector;

/// <summary>
/// What a serviceUrl must look like before the bot calls it: an absolute http(s) URL without query or fragment, in
/// printable ASCII (Teams' serviceUrls are; a bidi control or a space in one is an attack on whoever reads the logs).
/// The endpoint refuses any other activity with 400, so a turn never starts with a url the connector cannot call.
/// </summary>
public static class ServiceUrlShape
{
    public static bool IsWellFormed(string? serviceUrl) =>
        !string.IsNullOrEmpty(serviceUrl)
        && serviceUrl.All(c => c is > ' ' and < '\u007f')
        && Uri.TryCreate(serviceUrl, UriKind.Absolute, out Uri? parsed)
        && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(parsed.Host)
        && string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment);
}
