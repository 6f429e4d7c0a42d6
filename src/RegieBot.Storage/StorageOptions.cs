using System.ComponentModel.DataAnnotations;

namespace RegieBot.Storage;

/// <summary>
/// Where the tables live: by <see cref="AccountUri"/> with an Entra ID token (the managed identity in Azure), or by
/// <see cref="ConnectionString"/> (Azurite locally, or an account key).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "RegieBot:Storage";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary><c>RegieBot__Storage__ConnectionString</c>; the default is the local Azurite emulator. Ignored when <see cref="AccountUri"/> is set.</summary>
    [Required]
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>
    /// <c>RegieBot__Storage__AccountUri</c>: the account's table endpoint, e.g. <c>https://myaccount.table.core.windows.net/</c>.
    /// When set, the bot signs in with Entra ID (managed identity) instead of using <see cref="ConnectionString"/>.
    /// </summary>
    public Uri? AccountUri { get; set; }

    /// <summary>
    /// <c>RegieBot__Storage__ManagedIdentityClientId</c>: the client id of the user-assigned managed identity to use with
    /// <see cref="AccountUri"/>. Empty: <c>DefaultAzureCredential</c> (environment, workload or managed identity, Azure CLI).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name, so tests and environments can share one account.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,19}$")]
    public string TablePrefix { get; set; } = "Regie";

    /// <summary>Retries of the Azure SDK for transient faults; tests set 0 so a missing emulator fails at once.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>True when the bot would use the local emulator.</summary>
    public bool UsesDevelopmentStorage => AccountUri is null
        && ConnectionString.Replace(" ", "", StringComparison.Ordinal).Contains(DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccountUri is not null && (!AccountUri.IsAbsoluteUri || (AccountUri.Scheme != Uri.UriSchemeHttps && !AccountUri.IsLoopback)))
        {
            yield return new ValidationResult(
                "RegieBot__Storage__AccountUri must be the https table endpoint of the storage account, such as https://myaccount.table.core.windows.net/.",
                [nameof(AccountUri)]);
        }

        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
        {
            yield return new ValidationResult("RegieBot__Storage__ManagedIdentityClientId must be the client id (a GUID) of a managed identity.", [nameof(ManagedIdentityClientId)]);
        }
    }
}
