namespace RegieBot.Protocol.Authentication;

/// <summary>Validates the Entra ID token that the personal tab got from Teams (<c>authentication.getAuthToken</c>).</summary>
public interface ITabTokenValidator
{
    /// <summary>Whether a token can be validated at all: false without <c>MicrosoftAppId</c> and tenant (local mode).</summary>
    bool IsConfigured { get; }

    /// <summary>Checks the <c>Authorization</c> header; never throws for a bad token, and logs only the reason.</summary>
    Task<TabAuthenticationResult> ValidateAsync(string? authorization, CancellationToken cancellationToken);
}
