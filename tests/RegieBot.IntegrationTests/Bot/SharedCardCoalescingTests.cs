using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Outbox;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>
/// Card updates of one kaart are coalesced: a burst of clicks becomes one update of the shared card (after the one
/// already on its way), not one per click, and that update shows all of them. Teams is held while the clicks come in,
/// as a slow Teams would keep the first update waiting.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedCardCoalescingTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private const int Members = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirm_TenMembersAtOnceWhileTeamsIsSlow_FewCardUpdatesAndTheLastShowsAllTen()
    {
        RecordingConnector recorded = new();
        HeldConnector teams = new(recorded);
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, teams);
        (ChannelSimulator channel, KaartFlow flow, string cardId, JsonObject shared, int before) = await HoldAfterSavingAsync(app, recorded, teams);
        JsonNode[] answers = await Task.WhenAll(Enumerable.Range(1, Members).Select(i => channel.ClickConfirmAsync(cardId, shared, "m" + i, Ct)));
        teams.Release();
        await app.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();

        Assert.All(answers, a => Assert.Contains("Je hebt je rol bevestigd op", a.ToJsonString(), StringComparison.Ordinal));
        int updates = UpdatesOf(recorded, cardId) - before;
        Assert.True(updates <= 2, $"{Members} confirmations made {updates} updates of the shared card: the one on its way and one for the rest at most.");
        Assert.Equal(Members, Confirmed(flow.Card(cardId)));
    }

    [Fact]
    public async Task Propose_SeveralProposalsWhileTeamsIsSlow_OneCardUpdateForTheRestAndEveryProposalPosted()
    {
        RecordingConnector recorded = new();
        HeldConnector teams = new(recorded);
        using AzuriteBotApplicationFactory app = new(storage.TablePrefix, teams);
        (ChannelSimulator channel, KaartFlow flow, string cardId, JsonObject shared, int before) = await HoldAfterSavingAsync(app, recorded, teams);
        int postsBefore = recorded.Calls.Count(c => c.Kind == "send");
        const int Proposals = 5;
        await Task.WhenAll(Enumerable.Range(1, Proposals).Select(async i =>
        {
            JsonNode answer = await channel.ClickAsync(cardId, shared, "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Voorstel " + i }, user: "m" + i, cancellationToken: Ct);
            Assert.Equal(200, (int)answer["statusCode"]!);
        }));
        teams.Release();
        await app.Services.GetRequiredService<OutboxRelay>().WhenIdleAsync();

        // Every commit left a card item in the outbox; those waiting behind the held update are applied as one.
        Assert.True(UpdatesOf(recorded, cardId) - before <= 2, $"{Proposals} proposals made {UpdatesOf(recorded, cardId) - before} updates of the shared card.");
        Assert.Equal(Proposals, recorded.Calls.Count(c => c.Kind == "send") - postsBefore);
        Kaart kaart = (await flow.Store.GetKaartAsync((await flow.Store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
        Assert.Equal(Proposals, (await flow.Store.GetSnapshotAsync(kaart.Id, Ct))!.Proposals.Count);
    }

    /// <summary>
    /// A saved kaart of ten, then Teams held and the channel no longer waiting for the relay after each activity (so the
    /// clicks are answered while Teams holds the card update). Returns the kaart card's id, its card and its updates so far.
    /// </summary>
    private static async Task<(ChannelSimulator Channel, KaartFlow Flow, string CardId, JsonObject Shared, int Updates)> HoldAfterSavingAsync(
        AzuriteBotApplicationFactory app, RecordingConnector recorded, HeldConnector teams)
    {
        ChannelSimulator channel = ChannelSimulator.For(app);
        KaartFlow flow = new(app, channel, recorded);
        string cardId = await SaveKaartOfTenAsync(flow, recorded);
        teams.Hold();
        channel.Settle = null;
        return (channel, flow, cardId, flow.Card(cardId), UpdatesOf(recorded, cardId));
    }

    /// <summary>Saves a kaart with ten linked professionals m1…m10 (m1 procesregie and bewaker, m2 aanspreekpunt); returns its card's id.</summary>
    private static async Task<string> SaveKaartOfTenAsync(KaartFlow flow, RecordingConnector teams)
    {
        teams.Members.Clear();
        teams.Members.AddRange(Enumerable.Range(1, Members).Select(i => new TeamsChannelAccount { Id = "29:m" + i, AadObjectId = "aad-m" + i, Name = "Collega " + i }));
        await flow.Channel.SayAsync("start Familie C.", user: "m1", cancellationToken: Ct);
        await flow.NextAsync(new() { ["moment"] = "1" }, Ct);
        for (int i = 1; i <= Members; i++)
        {
            Dictionary<string, string> inputs = new() { ["lid"] = "aad-m" + i, ["functie"] = "Functie " + i, ["organisatie"] = "Organisatie " + i };
            if (i == 1)
            {
                inputs["regievorm"] = "Procesregie";
            }

            await flow.AddAsync(inputs, Ct);
        }

        await flow.NextAsync(null, Ct);
        await flow.NextAsync(new() { ["afspraken"] = "Collega 1 heeft de procesregie" }, Ct);
        await flow.NextAsync(new() { ["afspraken"] = "Elke twee weken overleg" }, Ct);
        await flow.NextAsync(new() { ["aanspreekpunt"] = "p2" }, Ct);
        await flow.NextAsync(new() { ["bewaker"] = "p1" }, Ct);
        Assert.Equal("Regiekaart opgeslagen", KaartFlow.Title(await flow.NextAsync(new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }, Ct)));
        Kaart kaart = (await flow.Store.GetKaartAsync((await flow.Store.FindByThreadAsync(flow.Channel.ThreadId, Ct))!.KaartId, Ct))!;
        Assert.Equal(Members, kaart.Content.Professionals.Count(p => p.IsLinked));
        return kaart.CardActivityId!;
    }

    private static int UpdatesOf(RecordingConnector teams, string cardId) => teams.Calls.Count(c => c.Kind == "update" && c.ActivityId == cardId);

    /// <summary>How many roles the card shows as confirmed.</summary>
    private static int Confirmed(JsonObject card)
    {
        string text = KaartFlow.StringsOf(card);
        int count = 0;
        for (int at = text.IndexOf("Rol bevestigd op", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Rol bevestigd op", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Teams that, while held, keeps every update of a message waiting until released (a slow Teams).</summary>
    private sealed class HeldConnector(RecordingConnector teams) : IConnectorClient
    {
        private volatile TaskCompletionSource _released = Completed();

        public void Hold() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
            teams.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            teams.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        {
            await _released.Task.WaitAsync(cancellationToken);
            return await teams.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
        }

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            teams.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);

        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
            teams.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

        public Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
            teams.GetMembersAsync(serviceUrl, conversationId, cancellationToken);

        public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
            teams.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken);

        public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
            teams.GetChannelsAsync(serviceUrl, teamId, cancellationToken);

        private static TaskCompletionSource Completed()
        {
            TaskCompletionSource done = new();
            done.SetResult();
            return done;
        }
    }
}
