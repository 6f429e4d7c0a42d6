namespace RegieBot.Protocol.Authentication;

/// <summary>Who signed in to the tab (Entra object id and tenant), or why not: a fixed reason text for the log.</summary>
public sealed record TabAuthenticationResult(string? UserAadObjectId, string? TenantId, string Reason)
{
    public bool Succeeded => UserAadObjectId is not null;

    public static TabAuthenticationResult Rejected(string reason) => new(null, null, reason);
}
