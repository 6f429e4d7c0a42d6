using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegieBot.Bot;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Schema;
using RegieBot.Testing.Teams;
using RegieBot.Testing.Teams.Fakes;

namespace RegieBot.Tests.Handlers;

/// <summary>
/// The host's own wiring of the handlers, with <see cref="InMemoryKaartStore"/> in place of the kaart store, so
/// a test resolves a handler as production builds it and asserts on what was stored and answered.
/// </summary>
internal sealed class HandlerHost : IDisposable
{
    public const string ServiceUrl = "https://smba.example/";
    public const string ChannelId = "19:kanaal@thread.tacv2";
    public const string ThreadId = ChannelId + ";messageid=1767225600000";

    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public HandlerHost()
    {
        _host = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IKaartStore>(Store))));
    }

    public InMemoryKaartStore Store { get; } = new();

    /// <summary>The host's other seams (outbox, reminders, connector), as mocks.</summary>
    public BotApplicationFactory Factory { get; } = new();

    /// <summary>Where the turn's own answers go (the handlers' background work uses the factory's connector).</summary>
    public RecordingConnector Replies { get; } = new();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A message in the casus thread from <paramref name="aadObjectId"/>, the bot's mention already stripped.</summary>
    public TurnContext Message(string text, string aadObjectId = "aad-sanne", string conversationId = ThreadId) => Turn(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "1767225600001",
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:" + aadObjectId, AadObjectId = aadObjectId, Name = "Sanne de Vries" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "RegieBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel" },
        Text = text,
    });

    public TurnContext Turn(Activity activity) => new(activity, new TurnKeys("p", activity.Id, "c"), Replies);

    /// <summary>The texts of the turn's own answers, in order.</summary>
    public IReadOnlyList<string?> RepliedTexts => [.. Replies.Calls.Where(c => c.Kind == "send").Select(c => c.Activity.Text)];

    /// <summary>A saved kaart in <see cref="ThreadId"/> with two linked professionals, Sanne (p1) and Ahmed (p2).</summary>
    public Kaart SeedKaart(string id = "k-1") => Store.Seed(new Kaart
    {
        Id = id,
        Casus = "Familie P.",
        Location = new KaartLocation(ThreadId, ChannelId, "team-1", "tenant-1", ServiceUrl),
        Content = new KaartContent
        {
            Professionals =
            [
                new Professional { Id = "p1", Naam = "Sanne de Vries", AadObjectId = "aad-sanne", TeamsUserId = "29:sanne" },
                new Professional { Id = "p2", Naam = "Ahmed El Amrani", AadObjectId = "aad-ahmed", TeamsUserId = "29:ahmed" },
            ],
        },
        CardActivityId = "card-" + id,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    });

    public void Dispose()
    {
        _host.Dispose();
        Factory.Dispose();
    }
}
