using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Protocol.Connector;

/// <summary>
/// Bot Connector REST API v3 over a typed <see cref="HttpClient"/>. The token handler and the retry pipeline
/// sit in the client's handler chain (see <see cref="ConnectorHostingExtensions.AddBotConnector"/>).
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient, ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>Teams caps pages at 500; fewer, larger pages keep us under the member-read rate limit.</summary>
    internal const int MemberPageSize = 500;

    private const string ThreadMarker = ";messageid=";

    public async Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Uri uri = BuildUri(serviceUrl, $"conversations/{Escape(conversationId)}/activities");
        return await SendAsync(
            "SendToConversation", HttpMethod.Post, uri, Json(activity, ProtocolJsonContext.Default.Activity),
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Uri uri = BuildUri(serviceUrl, $"conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        Activity reply = activity with { ReplyToId = activityId };
        return await SendAsync(
            "ReplyToActivity", HttpMethod.Post, uri, Json(reply, ProtocolJsonContext.Default.Activity),
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Uri uri = BuildUri(serviceUrl, $"conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        Activity update = activity with { Id = activityId };
        return await SendAsync(
            "UpdateActivity", HttpMethod.Put, uri, Json(update, ProtocolJsonContext.Default.Activity),
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(activityId);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        Uri uri = BuildUri(serviceUrl, $"conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        using HttpResponseMessage response = await SendAsync("DeleteActivity", HttpMethod.Delete, uri, null, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        const string Operation = "CreateConversation";
        Uri uri = BuildUri(serviceUrl, "conversations");
        ConversationResourceResponse? created = await SendAsync(
            Operation, HttpMethod.Post, uri, Json(parameters, ProtocolJsonContext.Default.ConversationParameters),
            ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken);

        // A new channel thread must be addressed as "{channelId};messageid={rootId}"; build it when the
        // connector returns the bare channel id (or nothing) but does name the root activity.
        string? channelId = ChannelIdOf(parameters);
        if (created is { ActivityId: { Length: > 0 } rootId } && channelId is not null
            && (created.Id is null || !created.Id.Contains(ThreadMarker, StringComparison.Ordinal)))
        {
            logger.ThreadConversationIdBuilt(rootId);
            created = created with { Id = channelId + ThreadMarker + rootId };
        }

        if (created is null || string.IsNullOrEmpty(created.Id))
        {
            ConnectorException exception = new(HttpStatusCode.OK, null, "The Bot Connector created a conversation but returned no id.");
            logger.ConnectorCallFailed(Operation, HttpStatusCode.OK, exception);
            throw exception;
        }

        return created;
    }

    public async Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(
        string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        string path = $"conversations/{Escape(conversationId)}/pagedmembers?pageSize={MemberPageSize}";
        List<TeamsChannelAccount> members = [];
        HashSet<string> seenTokens = new(StringComparer.Ordinal);
        string? continuationToken = null;
        int page = 0;
        do
        {
            string query = continuationToken is null ? path : $"{path}&continuationToken={Uri.EscapeDataString(continuationToken)}";
            PagedMembersResult? result = await SendAsync(
                "GetPagedMembers", HttpMethod.Get, BuildUri(serviceUrl, query), null,
                ProtocolJsonContext.Default.PagedMembersResult, cancellationToken);
            page++;
            members.AddRange(result?.Members ?? []);
            logger.MemberPageFetched(page, result?.Members?.Count ?? 0);

            continuationToken = string.IsNullOrEmpty(result?.ContinuationToken) ? null : result.ContinuationToken;
            if (continuationToken is not null && !seenTokens.Add(continuationToken))
            {
                // A connector that hands out the same page again would otherwise keep us here forever.
                throw new ConnectorException(HttpStatusCode.OK, null, "The Bot Connector repeated a member continuation token.");
            }
        }
        while (continuationToken is not null);

        return members;
    }

    public async Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        const string Operation = "GetTeamDetails";
        TeamDetails? team = await SendAsync(
            Operation, HttpMethod.Get, BuildUri(serviceUrl, $"teams/{Escape(teamId)}"), null,
            ProtocolJsonContext.Default.TeamDetails, cancellationToken);
        if (team is null)
        {
            ConnectorException exception = new(HttpStatusCode.OK, null, "The Bot Connector returned no team details.");
            logger.ConnectorCallFailed(Operation, HttpStatusCode.OK, exception);
            throw exception;
        }

        return team;
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        ConversationList? list = await SendAsync(
            "GetTeamChannels", HttpMethod.Get, BuildUri(serviceUrl, $"teams/{Escape(teamId)}/conversations"), null,
            ProtocolJsonContext.Default.ConversationList, cancellationToken);
        return [.. list?.Conversations ?? []];
    }

    private async Task<T?> SendAsync<T>(
        string operation, HttpMethod method, Uri uri, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class
    {
        using HttpResponseMessage response = await SendAsync(operation, method, uri, content, cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, responseType);
        }
        catch (JsonException ex)
        {
            ConnectorException exception = new(response.StatusCode, null, $"The Bot Connector's answer to {operation} is not valid JSON.", ex)
            {
                CorrelationId = CorrelationIdOf(response),
            };
            logger.ConnectorCallFailed(operation, response.StatusCode, exception);
            throw exception;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        string operation, HttpMethod method, Uri uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            logger.ConnectorCallNoResponse(operation, ex);
            throw new ConnectorException($"The Bot Connector did not answer {operation}.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            logger.ConnectorCallSucceeded(operation, (int)response.StatusCode);
            return response;
        }

        using (response)
        {
            ConnectorException exception = await ToExceptionAsync(operation, response, cancellationToken);
            logger.ConnectorCallFailed(operation, response.StatusCode, exception);
            throw exception;
        }
    }

    private static async Task<ConnectorException> ToExceptionAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        (string? code, string? subCode) = ParseError(await response.Content.ReadAsStringAsync(cancellationToken));
        string message = $"Bot Connector {operation} failed with {(int)response.StatusCode}{(code is null ? "" : $" ({code})")}.";
        string? correlationId = CorrelationIdOf(response);
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden => new ConnectorForbiddenException(code, message) { ErrorSubCode = subCode, CorrelationId = correlationId },
            HttpStatusCode.NotFound => new ConnectorNotFoundException(code, message) { ErrorSubCode = subCode, CorrelationId = correlationId },
            _ => new ConnectorException(response.StatusCode, code, message) { ErrorSubCode = subCode, CorrelationId = correlationId },
        };
    }

    /// <summary>Reads <c>{"error":{"code","message"}}</c>; Teams sometimes puts JSON with a <c>subCode</c> in the message.</summary>
    internal static (string? Code, string? SubCode) ParseError(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out JsonElement error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? code = StringProperty(error, "code");
            string? message = StringProperty(error, "message");
            string? subCode = null;
            if (message is not null && message.TrimStart().StartsWith('{'))
            {
                using JsonDocument inner = JsonDocument.Parse(message);
                subCode = inner.RootElement.ValueKind == JsonValueKind.Object ? StringProperty(inner.RootElement, "subCode") : null;
            }

            return (code, subCode);
        }
        catch (JsonException)
        {
            return (null, null);   // not JSON (a proxy's HTML page, an empty body): the status code still tells enough
        }
    }

    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!ServiceUrlShape.IsWellFormed(serviceUrl))
        {
            throw new ArgumentException("The serviceUrl must be an absolute http(s) URL in printable ASCII, without query or fragment.", nameof(serviceUrl));
        }

        // As received (region and tenant segments kept); only one trailing slash goes.
        string root = serviceUrl.EndsWith('/') ? serviceUrl[..^1] : serviceUrl;
        return new Uri($"{root}/v3/{relativePath}", UriKind.Absolute);
    }

    private static string Escape(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id is "." or "..")
        {
            throw new ArgumentException("An id may not be a dot segment.", name);   // the Uri would collapse it into another path
        }

        return Uri.EscapeDataString(id);
    }

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ByteArrayContent content = new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string? ChannelIdOf(ConversationParameters parameters)
    {
        if (parameters.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.TryGetProperty("channel", out JsonElement channel)
            && channel.ValueKind == JsonValueKind.Object)
        {
            string? id = StringProperty(channel, "id");
            return string.IsNullOrEmpty(id) ? null : id;
        }

        return null;
    }

    internal static string? CorrelationIdOf(HttpResponseMessage response) =>
        HeaderValue(response, "X-Correlating-OperationId") ?? HeaderValue(response, "MS-CV");

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
