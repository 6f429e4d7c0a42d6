using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using RegieBot.Operations;
using RegieBot.Protocol;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;
using RegieBot.Security;

namespace RegieBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>: reads and parses the activity (bounded size), authenticates it, refuses channels other
/// than Teams and tenants that are not served, runs the turn, and answers 200 — with the invoke response as body for invokes. Bad input gets a
/// 4xx, never a 5xx. Everything logged after parsing carries the turn's scope (hashes of activity, conversation, tenant).
/// </summary>
internal static class BotEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Teams messages stay far below this; a larger body is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>The one channel served (compared ordinally, as the Bot Framework writes it).</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>The longest id (of the activity, its conversation, sender, recipient, team, channel, tenant), serviceUrl or conversation type accepted.</summary>
    public const int MaxIdLength = 512;

    public static IEndpointRouteBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        return endpoints;
    }

    /// <summary>
    /// Whatever escapes the endpoint is a bare problem details 500, also in Development: the developer exception
    /// page would show the caller (anyone who can post an activity) the exception and the stack trace.
    /// </summary>
    public static IApplicationBuilder UseBotEndpointErrors(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Route, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => Results.Problem(statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context),
            }));


    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IBotRequestAuthenticator authenticator,
        TurnPipeline pipeline,
        TenantAllowList tenants,
        TurnDeadline deadline,
        RegieTelemetry telemetry,
        ILogger<TurnPipeline> logger,
        CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        // Only JSON: a form, plain text or XML body is what a web page can send cross-site without asking first.
        if (!IsJson(http.Request.ContentType))
        {
            return Refuse(logger, telemetry, StatusCodes.Status415UnsupportedMediaType, "content type is not application/json");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Refuse(logger, telemetry, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        Activity? activity;
        try
        {
            ReadOnlySequence<byte>? body = await ReadBodyAsync(http.Request, cancellationToken);
            if (body is null)
            {
                return Refuse(logger, telemetry, StatusCodes.Status413PayloadTooLarge, "body too large");
            }

            switch (JsonStrings.FindFault(body.Value))
            {
                case JsonTextFault.StringNotUnicode:
                    return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "body has a string that is not valid unicode");
                case JsonTextFault.DuplicateProperty:
                    // Teams never repeats a property; which of two values counts would be up to the parser.
                    return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "body names a property twice");
            }

            Utf8JsonReader reader = new(body.Value);
            activity = JsonSerializer.Deserialize(ref reader, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "body is not a valid activity");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(logger, telemetry, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has no type");
        }

        // Every activity belongs to a conversation, and the channel never sends a list with a hole in it: the
        // handlers may rely on both.
        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has no conversation");
        }

        // Every answer goes to the serviceUrl, and every permission check reads the sender.
        if (!ServiceUrlShape.IsWellFormed(activity.ServiceUrl))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has no absolute http(s) serviceUrl");
        }

        if (string.IsNullOrEmpty(activity.From?.Id))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has no sender");
        }

        if (HasNullElement(activity.Entities) || HasNullElement(activity.Attachments)
            || HasNullElement(activity.MembersAdded) || HasNullElement(activity.MembersRemoved))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has a null list element");
        }

        if (HasOverlongId(activity))
        {
            return Refuse(logger, telemetry, StatusCodes.Status400BadRequest, "activity has an id that is too long");
        }

        string? tenantId = activity.GetTenantId();
        using IDisposable? scope = logger.BeginScope(TurnLogScope.For(activity, tenantId));
        BotAuthenticationResult auth = await authenticator.AuthenticateAsync(http.Request, activity, cancellationToken);
        if (!auth.Succeeded)
        {
            return Refuse(logger, telemetry, auth.StatusCode, auth.Reason);
        }

        // Only Teams is served. Every Azure Bot also has Web Chat and Direct Line, whose clients write channelData
        // (the tenant checked below) and from themselves; the channel's signing key endorsement alone admits them.
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.Ordinal))
        {
            logger.RequestRefused(StatusCodes.Status403Forbidden, "channel is not msteams");
            telemetry.RecordRefused(StatusCodes.Status403Forbidden, "channel");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // After authentication: the tenant in an unauthenticated body proves nothing.
        if (!tenants.IsAllowed(tenantId))
        {
            logger.TenantRefused(TurnKeyFactory.ForLog(tenantId), RegieTelemetry.ActivityTypeTag(activity.Type));
            telemetry.RecordRefused(StatusCodes.Status403Forbidden, "tenant");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // The turn runs on a token of its own: a caller that gives up (Teams, after a few seconds) must not stop storage
        // writes halfway; the deadline bounds a turn that hangs.
        using CancellationTokenSource turn = new(deadline.Value);
        InvokeResponse? invokeResponse = await pipeline.RunAsync(activity, turn.Token);
        if (activity.Type == ActivityTypes.Invoke)
        {
            invokeResponse ??= InvokeResponse.NotImplemented;
            return invokeResponse.Body is null
                ? Results.StatusCode(invokeResponse.Status)
                : Results.Json(invokeResponse.Body, ProtocolJsonContext.Default.JsonNode, statusCode: invokeResponse.Status);
        }

        return Results.Ok();
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<ReadOnlySequence<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using MemoryStream buffer = new();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlySequence<byte>(buffer.ToArray());
    }

    /// <summary>
    /// An id longer than Teams ever sends (its conversation ids are a few hundred characters at most). Ids become
    /// table keys, which storage limits to 1 KiB, and with the serviceUrl and conversation type the stored
    /// conversation reference, so a longer one would fail the turn instead of being refused.
    /// </summary>
    private static bool HasOverlongId(Activity activity)
    {
        TeamsChannelData? channelData = activity.GetTeamsChannelData();
        return new[]
        {
            activity.Id, activity.ReplyToId, activity.ServiceUrl, activity.Conversation?.Id, activity.Conversation?.TenantId,
            activity.Conversation?.ConversationType, activity.From?.Id,
            activity.From?.AadObjectId, activity.Recipient?.Id, channelData?.Team?.Id, channelData?.Channel?.Id, channelData?.Tenant?.Id,
        }.Any(id => id?.Length > MaxIdLength);
    }

    /// <summary><c>application/json</c>, with any parameters (such as <c>charset=utf-8</c>).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool HasNullElement<T>(IList<T>? list)
        where T : class => list is not null && list.Contains(null!);

    private static IResult Refuse(ILogger logger, RegieTelemetry telemetry, int statusCode, string reason)
    {
        logger.RequestRefused(statusCode, reason);
        telemetry.RecordRefused(statusCode, statusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? "authentication" : "request");
        return Results.StatusCode(statusCode);
    }
}
