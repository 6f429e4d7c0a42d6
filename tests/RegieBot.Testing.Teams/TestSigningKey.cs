using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace RegieBot.Testing.Teams;

/// <summary>An RSA key the test signs tokens with, and its JWK as the OpenID endpoint publishes it.</summary>
public sealed class TestSigningKey(string keyId, IReadOnlyList<string>? endorsements = null, string? x5t = null)
{
    // Generating RSA keys is slow; the keys are immutable, so all tests share them.
    public static TestSigningKey BotFramework { get; } = new("bf-key-1", ["msteams", "webchat"]);

    public static TestSigningKey BotFrameworkRotated { get; } = new("bf-key-2", ["msteams"]);

    public static TestSigningKey BotFrameworkWithoutTeams { get; } = new("bf-key-3", ["webchat", "slack"]);

    public static TestSigningKey BotFrameworkByThumbprint { get; } = new("bf-key-4", ["msteams"], x5t: "dGVzdC10aHVtYnByaW50LTQ");

    public static TestSigningKey Entra { get; } = new("entra-key-1");

    public static TestSigningKey Unpublished { get; } = new("never-published");

    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    public string? X5t { get; } = x5t;

    /// <summary>Signs as the key's owner; the token header names the key by its kid.</summary>
    public SigningCredentials SigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm);

    /// <summary>
    /// An RS256 token whose header names the key by x5t only (JsonWebTokenHandler cannot write that header).
    /// </summary>
    public string SignWithThumbprintHeader(string payloadSegment)
    {
        string header = Base64UrlEncoder.Encode(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["x5t"] = X5t }.ToJsonString());
        byte[] signature = _rsa.SignData(
            Encoding.ASCII.GetBytes($"{header}.{payloadSegment}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payloadSegment}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Another private key, but the header names this key: the signature cannot verify.</summary>
    public SigningCredentials ForgedSigningCredentials() =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public JsonObject ToJwk()
    {
        RSAParameters parameters = _rsa.ExportParameters(includePrivateParameters: false);
        JsonObject jwk = new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (X5t is not null)
        {
            jwk["x5t"] = X5t;
        }

        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }
}
