using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Cards;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>Card data is client-controlled: a card action acts only in its kaart's thread, for someone allowed to do it.</summary>
public sealed partial class RegieDialogFlowTests
{
    private static readonly string[] CasusData =
        ["Familie T.", "Familie X.", "Sanne de Vries", "Ahmed El Amrani", "Petra Jansen", "Kees Bakker", "Ahmed heeft de casusregie", "Elke twee weken overleg"];

    /// <summary>What a click may carry besides the card's own data: every input a card of ours has, filled in.</summary>
    private static readonly Dictionary<string, string> TypedInputs = new(StringComparer.Ordinal)
    {
        ["voorstel"] = "Petra neemt de regie over",
        ["reden"] = "het loopt vast",
        [CloseCard.CriteriumField] = "1",
        [CloseCard.OvergedragenAanField] = "Wijkteam",
        ["moment"] = "1",
        ["afspraken"] = "Mallory regelt alles",
    };

    [Fact]
    public async Task CardActions_EveryVerbReplayedElsewhereByAnOutsider_ChangesNothingPostsNothingShowsNothing()
    {
        (AzuriteBotApplicationFactory app, ChannelSimulator channel) = Start();
        _teams.Members.Add(new() { Id = "29:mallory", AadObjectId = "aad-mallory", Name = "Mallory" });   // in the team, on no kaart
        using (app)
        {
            // A real kaart with every kind of card it gets in its thread.
            (string cardId, JsonObject card) = await SavedKaartAsync(channel, app);
            await channel.SayAsync("opschalen de school reageert niet", user: "ahmed", cancellationToken: Ct);
            await channel.ClickAsync(cardId, card, "Casus afsluiten", user: "ahmed", cancellationToken: Ct);
            await channel.SayAsync("verwijderen", user: "ahmed", cancellationToken: Ct);
            await channel.TeamEventAsync("conversationUpdate", "teamMemberAdded", added: [new JsonObject { ["id"] = "29:nieuw", ["aadObjectId"] = "aad-nieuw" }], cancellationToken: Ct);
            IKaartStore store = app.Services.GetRequiredService<IKaartStore>();
            Kaart kaart = (await store.GetKaartAsync((await store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
            JsonObject evaluation = app.Services.GetRequiredService<EvaluationCard>().Build(kaart);

            // The confirm action is only in a professional's own view of the kaart (what the card's refresh gives them).
            JsonObject ownView = app.Services.GetRequiredService<RegieBot.Cards.KaartCard>().Build((await store.GetSnapshotAsync(kaart.Id, Ct))!, "aad-petra");

            // A second casus whose dialog is open, in a thread of its own.
            ChannelSimulator other = ChannelSimulator.For(app);
            await other.SayAsync("start Familie X.", cancellationToken: Ct);

            List<(JsonObject Action, string HomeThread)> actions =
            [
                .. CardsIn(channel.ThreadId).Append(evaluation).Append(ownView).SelectMany(ChannelSimulator.FindActions).Select(a => (a, channel.ThreadId)),
                .. CardsIn(other.ThreadId).SelectMany(ChannelSimulator.FindActions).Select(a => (a, other.ThreadId)),
            ];
            string[] verbs = [.. actions.Select(a => (string)a.Action["verb"]!).Distinct(StringComparer.Ordinal)];
            Assert.Equal(VerbsInCards().Order(StringComparer.Ordinal), verbs.Order(StringComparer.Ordinal));

            Dictionary<string, string> before = await StoredCasusRowsAsync();
            int calls = _teams.Calls.Count;
            int replays = 0;
            foreach ((JsonObject action, string home) in actions)
            {
                foreach (JsonObject conversation in AttackerConversations(home == channel.ThreadId ? other.ThreadId : channel.ThreadId))
                {
                    HttpResponseMessage response = await channel.Client.PostAsync(
                        "/api/messages", new StringContent(Replay(action, conversation).ToJsonString(), Encoding.UTF8, "application/json"), Ct);
                    string body = await response.Content.ReadAsStringAsync(Ct);
                    string where = $"{action["verb"]} from {conversation["conversationType"]}";

                    Assert.True(response.StatusCode == HttpStatusCode.OK, where + ": " + response.StatusCode);
                    JsonNode answer = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
                    Assert.True((int?)answer["statusCode"] is 200 or 400, where + ": " + body);
                    Assert.True((string?)answer["type"] != Attachment.AdaptiveCardContentType, where + " answered with a card");
                    Assert.All(CasusData, data => Assert.False(body.Contains(data, StringComparison.Ordinal), $"{where} shows '{data}'"));
                    Assert.True(_teams.Calls.Count == calls, where + " posted or updated: " + string.Join(", ", _teams.Calls.Skip(calls).Select(c => c.Kind + " " + c.ConversationId)));
                    replays++;
                }
            }

            Assert.True(replays >= 3 * 12, $"only {replays} replays");
            Dictionary<string, string> after = await StoredCasusRowsAsync();
            Assert.Equal(before, after);
        }
    }

    /// <summary>The cards the bot posted (or updated) in a thread, as they are now.</summary>
    private List<JsonObject> CardsIn(string threadId) =>
        _teams.Calls.Where(c => c.ConversationId == threadId && c.ActivityId is not null)
            .Select(c => c.ActivityId!).Distinct(StringComparer.Ordinal)
            .Select(id => ChannelSimulator.CardOf(_teams.Messages[id]))
            .Where(c => c.Count > 0)
            .ToList();

    /// <summary>The personal chat, a group chat, and the thread of another kaart — in the same team.</summary>
    private static IEnumerable<JsonObject> AttackerConversations(string otherKaartThread)
    {
        yield return new JsonObject { ["id"] = "a:1mallory-personal", ["conversationType"] = "personal", ["tenantId"] = "t-1" };
        yield return new JsonObject { ["id"] = "19:mallory-groep@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = "t-1" };
        yield return new JsonObject { ["id"] = otherKaartThread, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "t-1" };
    }

    private static JsonObject Replay(JsonObject action, JsonObject conversation)
    {
        JsonObject data = [];
        foreach ((string key, string value) in TypedInputs)
        {
            data[key] = value;
        }

        foreach ((string key, JsonNode? value) in action["data"]?.AsObject() ?? [])
        {
            data[key] = value?.DeepClone();
        }

        bool channel = (string?)conversation["conversationType"] == "channel";
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = ChannelSimulator.ServiceUrl,
            ["replyToId"] = "1767225700001",
            ["from"] = new JsonObject { ["id"] = "29:mallory", ["aadObjectId"] = "aad-mallory", ["name"] = "Mallory" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" },
            ["conversation"] = conversation.DeepClone(),
            ["channelData"] = channel
                ? new JsonObject
                {
                    ["tenant"] = new JsonObject { ["id"] = "t-1" },
                    ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
                    ["channel"] = new JsonObject { ["id"] = ChannelSimulator.ChannelId },
                }
                : new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t-1" } },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.DeepClone(), ["data"] = data },
                ["trigger"] = "manual",
            },
        };
    }

    /// <summary>Every row about a casus (all tables but the turn ledger and the conversation references, which record the attacker's own turn), with its ETag.</summary>
    private async Task<Dictionary<string, string>> StoredCasusRowsAsync()
    {
        Dictionary<string, string> rows = new(StringComparer.Ordinal);
        foreach (string table in RegieTables.All.Except([RegieTables.Turns, RegieTables.Conversations]))
        {
            await foreach (TableEntity row in storage.Tables.Get(table).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                rows[$"{table}/{row.PartitionKey}/{row.RowKey}"] = row.ETag.ToString();
            }
        }

        return rows;
    }

    private static IEnumerable<string> VerbsInCards() =>
        Directory.GetFiles(RepositoryPaths.Cards, "*.json")
        .SelectMany(f => ChannelSimulator.FindActions(JsonNode.Parse(File.ReadAllText(f))))
        .Select(a => (string)a["verb"]!)
        .Distinct(StringComparer.Ordinal);
}
