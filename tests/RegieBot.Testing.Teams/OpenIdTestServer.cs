using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegieBot.Testing.Teams;

/// <summary>
/// A real OpenID endpoint on 127.0.0.1: Bot Framework metadata and keys (with endorsements), Entra metadata and
/// keys per tenant. Keys can be added while it runs (rotation), it counts requests and can be switched off (503).
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly List<TestSigningKey> _botFrameworkKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private int _metadataRequests;
    private int _keySetRequests;

    private OpenIdTestServer(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    public string BotFrameworkMetadataUrl => $"{BaseAddress}/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrlTemplate => BaseAddress + "/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>When false, every request is answered with 503.</summary>
    public bool Available { get; set; } = true;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<OpenIdTestServer> StartAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        OpenIdTestServer server = new(builder.Build());
        server.MapEndpoints();
        await server._app.StartAsync(cancellationToken);
        server.BaseAddress = server._app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        return server;
    }

    public void AddBotFrameworkKey(TestSigningKey key)
    {
        lock (_sync)
        {
            _botFrameworkKeys.Add(key);
        }
    }

    public void AddEntraKey(TestSigningKey key)
    {
        lock (_sync)
        {
            _entraKeys.Add(key);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void MapEndpoints()
    {
        _app.Use(async (context, next) =>
        {
            if (!Available)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next(context);
        });

        _app.MapGet("/v1/.well-known/openidconfiguration", () => Metadata(
            "https://api.botframework.com", $"{BaseAddress}/v1/.well-known/keys"));
        _app.MapGet("/v1/.well-known/keys", () => KeySet(_botFrameworkKeys));
        _app.MapGet("/{tenantId}/v2.0/.well-known/openid-configuration", (string tenantId) => Metadata(
            $"https://login.microsoftonline.com/{tenantId}/v2.0", $"{BaseAddress}/{tenantId}/discovery/v2.0/keys"));
        _app.MapGet("/{tenantId}/discovery/v2.0/keys", (string tenantId) => KeySet(_entraKeys));
    }

    private IResult Metadata(string issuer, string jwksUri)
    {
        Interlocked.Increment(ref _metadataRequests);
        JsonObject metadata = new()
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{BaseAddress}/authorize",
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    private IResult KeySet(List<TestSigningKey> keys)
    {
        Interlocked.Increment(ref _keySetRequests);
        JsonArray jwks;
        lock (_sync)
        {
            jwks = [.. keys.Select(k => k.ToJwk())];
        }

        return Results.Text(new JsonObject { ["keys"] = jwks }.ToJsonString(), "application/json");
    }
}
