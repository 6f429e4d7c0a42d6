using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegieBot.Protocol.Schema;

/// <summary>A member as the connector's member list returns it. <c>email</c> and <c>userPrincipalName</c> may be absent.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unmodelled { get; set; }
}
