using System.ComponentModel.DataAnnotations;

namespace RegieBot.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "RegieBot:Storage";

    /// <summary><c>RegieBot__Storage__ConnectionString</c>; the default is the local Azurite emulator.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name, so tests and environments can share one account.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,19}$")]
    public string TablePrefix { get; set; } = "Regie";

    /// <summary>Retries of the Azure SDK for transient faults; tests set 0 so a missing emulator fails at once.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;
}
