namespace RegieBot.Protocol.Authentication;

/// <summary>
/// The outcome of authenticating a request. <see cref="StatusCode"/> is 401 for a missing or invalid token
/// and 403 for a valid token that may not be used for this activity. <see cref="Reason"/> is for logs and
/// never contains token contents.
/// </summary>
public sealed record BotAuthenticationResult(bool Succeeded, int StatusCode, string Reason, bool Anonymous)
{
    public static BotAuthenticationResult Authenticated { get; } = new(true, 200, "authenticated", false);

    public static BotAuthenticationResult AnonymousLocal { get; } = new(true, 200, "anonymous local mode", true);

    public static BotAuthenticationResult Unauthorized(string reason) => new(false, 401, reason, false);

    public static BotAuthenticationResult Forbidden(string reason) => new(false, 403, reason, false);
}
