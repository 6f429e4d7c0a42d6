using System.Text.Json;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Domain.Dialogs;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// Teams' dynamic typeahead (<c>Data.Query</c>) of the member picker on the step card: an <c>application/search</c>
/// invoke per query, answered with at most 15 members of the conversation's roster whose name matches. Only reads (the
/// roster is cached briefly), so it is not written to the turn ledger.
/// </summary>
internal sealed class MemberSearchHandler(ChannelMembers members, ILogger<MemberSearchHandler> logger)
{
    public const string InvokeName = "application/search";
    public const string ResponseType = "application/vnd.microsoft.search.searchResponse";

    public static bool IsSearch(Activity activity) => activity is { Type: ActivityTypes.Invoke, Name: InvokeName };

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        JsonElement value = turn.Activity.Value ?? default;
        if (value.ValueKind != JsonValueKind.Object || Text(value, "dataset") != DialogCard.MemberDataset)
        {
            return InvokeResponse.Error(400, "unknownDataset", Texts.UnknownAction);
        }

        int skip = 0;
        int top = DialogCard.MaxSearchResults;
        if (value.TryGetProperty("queryOptions", out JsonElement options) && options.ValueKind == JsonValueKind.Object)
        {
            skip = Number(options, "skip") ?? 0;
            top = Number(options, "top") ?? top;
        }

        IReadOnlyList<TeamMember> roster;
        try
        {
            roster = await members.ListAsync(turn.Activity, cancellationToken);
        }
        catch (Exception ex) when (ex is RosterUnavailableException or ConnectorException)
        {
            // A typeahead answers with what it has, never with an error: the last roster Teams gave (however old: a
            // suggestion, which the step checks again), or nothing until Teams gave one.
            logger.MemberSearchWithoutRoster(ex is ConnectorException connector ? (int)connector.StatusCode : null);
            roster = members.LastKnown(turn.Activity) ?? [];
        }

        IReadOnlyList<TeamMember> found = DialogCard.Search(roster, Text(value, "queryText"), skip, top);
        logger.MemberSearchAnswered(found.Count, roster.Count);
        return new InvokeResponse(200, new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = ResponseType,
            ["value"] = new JsonObject
            {
                ["results"] = new JsonArray([.. found.Select(m => new JsonObject { ["title"] = m.Name, ["value"] = m.AadObjectId })]),
            },
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out int n) ? n : null;
}
