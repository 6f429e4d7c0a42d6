using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RegieBot.Domain.Conversations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Authentication;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Storage;

namespace RegieBot.Tests;

/// <summary>
/// The real host with our seams (storage ports, connector, authenticator) replaced by mocks, so the
/// endpoint, pipeline, router and handlers run as in production without Azurite or Teams.
/// </summary>
internal sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly bool _realAuthentication;

    public Mock<ITurnLedger> Ledger { get; } = new();
    public Mock<IConversationReferenceStore> Conversations { get; } = new();
    public Mock<IConnectorClient> Connector { get; } = new();
    public Mock<IBotRequestAuthenticator> Authenticator { get; } = new();
    public Mock<IKaartStore> Kaarten { get; } = new();
    public Mock<IRetentionIndex> Retention { get; } = new();
    public Mock<RegieBot.Domain.Reminders.IReminderStore> Reminders { get; } = new();
    public Mock<RegieBot.Domain.Outbox.IOutboxStore> Outbox { get; } = new();

    /// <summary>Every activity the bot sent through the connector, in order.</summary>
    public List<(string ServiceUrl, string ConversationId, Activity Activity)> Sent { get; } = [];

    /// <param name="realAuthentication">Keeps the real authenticator (the caller configures its keys) instead of the mock.</param>
    public BotApplicationFactory(bool realAuthentication = false)
    {
        _realAuthentication = realAuthentication;
        Ledger.Setup(l => l.TryBeginAsync(It.IsAny<TurnKeys>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<Microsoft.AspNetCore.Http.HttpRequest>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(BotAuthenticationResult.AnonymousLocal);
        Connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback((string url, string conversation, Activity activity, CancellationToken _) =>
            {
                lock (Sent)
                {
                    Sent.Add((url, conversation, activity));
                }
            })
            .ReturnsAsync(new ResourceResponse("1767225699999"));
    }

    /// <summary>
    /// Posts <paramref name="content"/> to <c>/api/messages</c> on a copy of this host that records its log; returns the
    /// answer and what was logged at Error or above while it was handled.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<FakeLogRecord> Errors)> PostLoggedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using WebApplicationFactory<Program> app = WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddFakeLogging()));
        HttpResponseMessage response = await app.CreateClient().PostAsync("/api/messages", content, cancellationToken);
        return (response, [.. app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error)]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IHostedService>();
            services.RemoveAll<RegieTables>();
            services.Replace(ServiceDescriptor.Singleton(Ledger.Object));
            services.Replace(ServiceDescriptor.Singleton(Conversations.Object));
            services.Replace(ServiceDescriptor.Singleton(Connector.Object));
            if (!_realAuthentication)
            {
                services.Replace(ServiceDescriptor.Singleton(Authenticator.Object));
            }

            services.Replace(ServiceDescriptor.Singleton(Kaarten.Object));
            services.Replace(ServiceDescriptor.Singleton(Retention.Object));
            services.RemoveAll<ICasusDataEraser>();
            services.RemoveAll<TableConversationReferenceStore>();
            services.RemoveAll<TableTurnLedger>();
            services.RemoveAll<TableKaartStore>();
            services.RemoveAll<TableRetentionIndex>();
            services.RemoveAll<TableReminderStore>();
            services.RemoveAll<TableOutboxStore>();
            services.Replace(ServiceDescriptor.Singleton(Reminders.Object));
            services.Replace(ServiceDescriptor.Singleton(Outbox.Object));
        });
    }
}
