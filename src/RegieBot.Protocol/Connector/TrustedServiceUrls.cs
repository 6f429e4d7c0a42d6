namespace RegieBot.Protocol.Connector;

/// <summary>Matches a request's host against <see cref="ConnectorOptions.TrustedServiceUrlHosts"/>.</summary>
internal static class TrustedServiceUrls
{
    public static bool IsTrusted(Uri? uri, IEnumerable<string> patterns)
    {
        if (uri is null || !uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        string host = uri.IdnHost;
        foreach (string pattern in patterns)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                // "*.botframework.com" covers any subdomain, not the bare domain nor "evilbotframework.com".
                string suffix = pattern[1..];
                if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        string host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Contains('.', StringComparison.Ordinal)
            && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}
