using System.ComponentModel.DataAnnotations;

namespace RegieBot.Security;

/// <summary><c>RegieBot:Security</c>: which Teams tenants the bot serves.</summary>
internal sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "RegieBot:Security";

    /// <summary>
    /// <c>RegieBot__Security__AllowedTenantIds__0</c>, <c>__1</c>, …: tenants whose activities are handled, besides
    /// <c>MicrosoftAppTenantId</c>. Empty: in Development every tenant; elsewhere only <c>MicrosoftAppTenantId</c>.
    /// </summary>
    public IList<string> AllowedTenantIds { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string id in AllowedTenantIds.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return new ValidationResult($"RegieBot__Security__AllowedTenantIds: '{id}' is not a tenant id (a GUID).", [nameof(AllowedTenantIds)]);
        }
    }
}
