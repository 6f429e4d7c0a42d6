using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Schema;

namespace RegieBot.IntegrationTests.Bot;

/// <summary>Private and shared channels: their own members (from other tenants too, in a shared channel).</summary>
public sealed partial class RealTeamsTests
{
    private const string HostTenant = "5d0f3c1e-2b7a-4c55-9a61-0d6f1e2a3b4c";
    private const string OtherTenant = "8e2a6b90-71c3-4f0d-b5e8-3c9d2a1f6e57";

    [Theory]
    [InlineData("private")]
    [InlineData("shared")]
    public async Task Channel_PrivateOrShared_ListsTheChannelsOwnMembersAndLinksOneFromAnotherTenant(string type)
    {
        string channelId = $"19:{type}-{Guid.NewGuid():N}@thread.tacv2";
        _teams.ConversationMembers[channelId] =
        [
            new() { Id = "29:sanne", AadObjectId = "aad-sanne", Name = "Sanne de Vries", TenantId = "t-1" },
            new() { Id = "29:jan", AadObjectId = "aad-jan", Name = "Jan Visser", TenantId = OtherTenant, UserRole = "user" },
        ];
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams);
        ChannelSimulator channel = new ChannelSimulator(app.CreateClient(), Guid.NewGuid().ToString("N")[..12]) { Channel = channelId, ChannelType = type }.SettledBy(app);
        KaartFlow flow = new(app, channel, _teams);
        using (app)
        {
            await channel.SayAsync("start Familie S.", cancellationToken: Ct);
            JsonNode professionals = await flow.NextAsync(new() { ["moment"] = "2" }, Ct);

            string[] choices = [.. Picker(professionals)["choices"]!.AsArray().Select(c => (string)c!["title"]!)];
            Assert.Equal(["Jan Visser", "Sanne de Vries", "Extern (niet in Teams)"], choices);   // not the team's Ahmed and Petra
            Assert.All(_teams.MemberRequests, r => Assert.Equal(channelId, r));

            await flow.AddAsync(new() { ["lid"] = "aad-sanne", ["functie"] = "Jeugdconsulent", ["organisatie"] = "Gemeente" }, Ct);
            await flow.AddAsync(new() { ["lid"] = "aad-jan", ["functie"] = "Ambulant hulpverlener", ["organisatie"] = "Zorgaanbieder" }, Ct);
            await flow.NextAsync(null, Ct);
            await flow.NextAsync(new() { ["afspraken"] = "Jan belt het gezin" }, Ct);
            await flow.NextAsync(new() { ["afspraken"] = "Elke week overleg" }, Ct);
            await flow.NextAsync(new() { ["aanspreekpunt"] = "p2" }, Ct);
            await flow.NextAsync(new() { ["bewaker"] = "p2" }, Ct);
            Assert.Equal("Regiekaart opgeslagen", KaartFlow.Title(await flow.NextAsync(new() { ["datum"] = "2026-11-23", ["evaluatiedatum"] = "2027-02-23", ["besproken"] = "true" }, Ct)));

            Kaart kaart = (await flow.Store.GetKaartAsync((await flow.Store.FindByThreadAsync(channel.ThreadId, Ct))!.KaartId, Ct))!;
            Assert.Equal(channelId, kaart.Location.ChannelId);
            Professional jan = kaart.Content.Professionals.Single(p => p.Naam == "Jan Visser");
            Assert.True(jan.IsLinked);
            Assert.Equal("29:jan", jan.TeamsUserId);

            JsonObject own = await channel.RefreshAsync(kaart.CardActivityId!, flow.Card(kaart.CardActivityId!), "jan", Ct);
            Assert.Contains(ChannelSimulator.FindActions(own), a => (string?)a["title"] == Confirm);   // the guest from another tenant confirms like anyone
            await channel.ConfirmAsync(kaart.CardActivityId!, flow.Card(kaart.CardActivityId!), "jan", Ct);
            Assert.Contains((await flow.Store.GetSnapshotAsync(kaart.Id, Ct))!.Confirmations, c => c.ProfessionalId == jan.Id);

            // Jan guards the agreements: a proposal mentions him, from whichever tenant he comes.
            JsonObject propose = ChannelSimulator.ShowCardOf(flow.Card(kaart.CardActivityId!), "Wijziging voorstellen");
            await channel.ClickAsync(kaart.CardActivityId!, propose, "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = "Sanne belt voortaan" }, user: "sanne", cancellationToken: Ct);
            JsonObject posted = _teams.Calls.Where(c => c.Kind == "send").Select(c => ChannelSimulator.CardOf(c.Activity))
                .Last(c => c.ToJsonString().Contains("Wijziging voorgesteld", StringComparison.Ordinal));
            Assert.Equal("29:jan", (string?)posted["msteams"]!["entities"]![0]!["mentioned"]!["id"]);
        }
    }

    [Fact]
    public async Task Channel_WhoseTypeTeamsDoesNotSend_StillListsTheChannelsOwnMembers()
    {
        // Nothing documents that channelData.channel.type always comes: the members are always the channel's.
        string channelId = $"19:zonder-type-{Guid.NewGuid():N}@thread.tacv2";
        _teams.ConversationMembers[channelId] = [new() { Id = "29:jan", AadObjectId = "aad-jan", Name = "Jan Visser", TenantId = OtherTenant }];
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams);
        ChannelSimulator channel = new ChannelSimulator(app.CreateClient(), Guid.NewGuid().ToString("N")[..12]) { Channel = channelId }.SettledBy(app);
        KaartFlow flow = new(app, channel, _teams);
        using (app)
        {
            await channel.SayAsync("start Familie Z.", cancellationToken: Ct);
            JsonNode professionals = await flow.NextAsync(new() { ["moment"] = "2" }, Ct);

            Assert.Equal(["Jan Visser", "Extern (niet in Teams)"], Picker(professionals)["choices"]!.AsArray().Select(c => (string)c!["title"]!));
            Assert.All(_teams.MemberRequests, r => Assert.Equal(channelId, r));
        }
    }

    [Fact]
    public async Task Channel_BotRemovedFromAPrivateChannel_StopsOnlyThatChannelsRemindersAndSaysSoInGeneral()
    {
        AzuriteBotApplicationFactory app = new(storage.TablePrefix, _teams);
        ChannelSimulator general = ChannelSimulator.For(app);
        ChannelSimulator prive = new ChannelSimulator(app.CreateClient(), Guid.NewGuid().ToString("N")[..12])
        {
            Channel = $"19:prive-{Guid.NewGuid():N}@thread.tacv2",
            ChannelType = "private",
        }.SettledBy(app);
        using (app)
        {
            (Kaart inGeneral, _) = await new KaartFlow(app, general, _teams).SaveKaartAsync(Ct);
            (Kaart inPrivate, _) = await new KaartFlow(app, prive, _teams).SaveKaartAsync(Ct);
            RegieBot.Domain.Reminders.IReminderStore reminders = app.Services.GetRequiredService<RegieBot.Domain.Reminders.IReminderStore>();
            int before = _teams.Calls.Count;

            // As the channel guidance documents it: channelMemberRemoved, in the private channel, with the bot itself.
            await prive.TeamEventAsync("conversationUpdate", "channelMemberRemoved", removed: [new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" }], cancellationToken: Ct);

            Assert.Equal(RegieBot.Domain.Reminders.ReminderStatus.Cancelled, (await reminders.GetStateAsync(inPrivate.Id, RegieBot.Domain.Reminders.ReminderKind.Evaluatie, Ct))!.Status);
            Assert.Equal(RegieBot.Domain.Reminders.ReminderStatus.Scheduled, (await reminders.GetStateAsync(inGeneral.Id, RegieBot.Domain.Reminders.ReminderKind.Evaluatie, Ct))!.Status);
            (string _, string conversationId, string? _, Activity said) = Assert.Single(_teams.Calls.Skip(before));
            Assert.Equal("19:team@thread.tacv2", conversationId);   // the team's General channel
            Assert.StartsWith("RegieBot is uit een kanaal van dit team verwijderd.", said.Text, StringComparison.Ordinal);

            await prive.TeamEventAsync("conversationUpdate", "channelMemberAdded", added: [new JsonObject { ["id"] = "28:bot", ["name"] = "RegieBot" }], cancellationToken: Ct);

            Assert.Equal(RegieBot.Domain.Reminders.ReminderStatus.Scheduled, (await reminders.GetStateAsync(inPrivate.Id, RegieBot.Domain.Reminders.ReminderKind.Evaluatie, Ct))!.Status);
        }
    }

    [Fact]
    public async Task Channel_SharedWithAnotherTenant_TheAllowListAppliesToTheHostTenant()
    {
        _teams.ConversationMembers["19:gedeeld@thread.tacv2"] = [new() { Id = "29:jan", AadObjectId = "aad-jan", Name = "Jan Visser", TenantId = OtherTenant }];
        using AzuriteBotApplicationFactory factory = new(storage.TablePrefix, _teams);
        using WebApplicationFactory<Program> app = factory.WithWebHostBuilder(b => b.UseSetting("RegieBot:Security:AllowedTenantIds:0", HostTenant));
        ChannelSimulator hosted = new ChannelSimulator(app.CreateClient(), "host") { Channel = "19:gedeeld@thread.tacv2", ChannelType = "shared", Tenant = HostTenant }.SettledBy(app);
        ChannelSimulator foreign = new ChannelSimulator(app.CreateClient(), "foreign") { Channel = "19:elders@thread.tacv2", ChannelType = "shared", Tenant = OtherTenant }.SettledBy(app);

        HttpResponseMessage fromGuest = await hosted.SayAsync("help", user: "jan", cancellationToken: Ct);
        HttpResponseMessage fromForeignHost = await foreign.SayAsync("help", user: "jan", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, fromGuest.StatusCode);   // a guest from another tenant in our shared channel is served
        Assert.Contains(_teams.Calls, c => c.ConversationId == hosted.ThreadId);
        Assert.Equal(HttpStatusCode.Forbidden, fromForeignHost.StatusCode);   // a channel hosted by a tenant not allowed is not
    }
}
