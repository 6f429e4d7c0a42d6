using Microsoft.Extensions.Options;
using RegieBot.Protocol;

namespace RegieBot.Security;

/// <summary>
/// Decides whether an authenticated activity's tenant is served. The allowed tenants are
/// <see cref="SecurityOptions.AllowedTenantIds"/> plus the bot's own <c>MicrosoftAppTenantId</c>; with no list
/// configured, Development serves every tenant and every other environment only the bot's own (fail closed).
/// </summary>
internal sealed class TenantAllowList
{
    private readonly HashSet<Guid>? _allowed;   // null: every tenant

    public TenantAllowList(IOptions<SecurityOptions> security, IOptions<BotIdentityOptions> identity, IHostEnvironment environment, ILogger<TenantAllowList> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(environment);
        HashSet<Guid> configured = [.. security.Value.AllowedTenantIds.Select(Guid.Parse)];
        if (configured.Count > 0 || !environment.IsDevelopment())
        {
            if (Guid.TryParse(identity.Value.MicrosoftAppTenantId, out Guid own))
            {
                configured.Add(own);
            }

            _allowed = configured;
        }

        logger.TenantAllowListActive(Count, AllowsEveryTenant);
    }

    public bool AllowsEveryTenant => _allowed is null;

    public int Count => _allowed?.Count ?? 0;

    /// <summary>False for a tenant not on the list, and for an activity without a tenant while a list applies.</summary>
    public bool IsAllowed(string? tenantId) =>
        _allowed is null || (Guid.TryParse(tenantId, out Guid tenant) && _allowed.Contains(tenant));
}
