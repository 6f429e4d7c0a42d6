namespace RegieBot.Domain.Confirmations;

/// <summary>
/// A professional confirmed their role. <see cref="RoleFingerprint"/> is what their role looked like then;
/// when it no longer matches the kaart, the confirmation no longer counts (it is reset without a write).
/// </summary>
public sealed record Confirmation(string ProfessionalId, string AadObjectId, DateTimeOffset ConfirmedAt, string RoleFingerprint)
{
    public string? ETag { get; init; }
}
