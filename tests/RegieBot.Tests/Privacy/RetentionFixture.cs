using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Privacy;
using RegieBot.Protocol.Connector;

namespace RegieBot.Tests.Privacy;

/// <summary>
/// The retention job over mocked seams: an index that answers like the real one (only due entries), kaarten
/// closed at a given moment, and one eraser that records what it erased.
/// </summary>
internal sealed class RetentionFixture
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public List<RetentionEntry> Entries { get; } = [];
    public Dictionary<string, Kaart> Kaarten { get; } = [];
    public List<string> Erased { get; } = [];
    public Mock<IRetentionIndex> Index { get; } = new(MockBehavior.Strict);
    public Mock<IKaartStore> Store { get; } = new();
    public Mock<ICasusDataEraser> Eraser { get; } = new();
    public Mock<IConnectorClient> Connector { get; } = new();
    public PrivacyOptions Options { get; } = new() { RetentionSweepInterval = TimeSpan.FromHours(1), RetentionBatchSize = 2 };

    public RetentionFixture()
    {
        Index.Setup(i => i.GetDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset now, int max, CancellationToken _) => { lock (Entries) { return [.. Entries.Where(e => e.DueAt <= now).OrderBy(e => e.DueAt).Take(max)]; } });
        Index.Setup(i => i.RemoveAsync(It.IsAny<RetentionEntry>(), It.IsAny<CancellationToken>()))
            .Callback((RetentionEntry e, CancellationToken _) => { lock (Entries) { Entries.Remove(e); } })
            .Returns(Task.CompletedTask);
        Store.Setup(s => s.GetKaartAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => Kaarten.GetValueOrDefault(id));
        Store.Setup(s => s.GetFootprintAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => Kaarten.ContainsKey(id) ? new CasusFootprint(id) { ThreadId = "19:c;messageid=" + id } : null);
        Eraser.SetupGet(e => e.Stage).Returns(EraseStage.Kaart);
        Eraser.Setup(e => e.EraseAsync(It.IsAny<CasusFootprint>(), It.IsAny<CancellationToken>()))
            .Callback((CasusFootprint f, CancellationToken _) => { lock (Erased) { Erased.Add(f.KaartId); Kaarten.Remove(f.KaartId); } })
            .ReturnsAsync(3);
    }

    /// <summary>A casus closed at <paramref name="closedAt"/>, due after <paramref name="retention"/>, with its index entry.</summary>
    public void Close(string kaartId, DateTimeOffset closedAt, TimeSpan retention, bool writeClose = true)
    {
        DateTimeOffset due = closedAt + retention;
        Kaarten[kaartId] = new Kaart
        {
            Id = kaartId,
            Casus = "Familie " + kaartId,
            Location = new KaartLocation("19:c;messageid=" + kaartId, "19:c", null, null, "https://smba.trafficmanager.net/emea/"),
            Content = new KaartContent(),
            Status = writeClose ? KaartStatus.Afgesloten : KaartStatus.Actief,
            Closure = writeClose ? new KaartClosure(AfschaalCriterium.HulpAdequaatGeorganiseerd, null, closedAt, "aad-1", due) : null,
        };
        Entries.Add(new RetentionEntry(kaartId, due));
    }

    public RetentionSweeper Sweeper() => new(
        Index.Object,
        Store.Object,
        new CasusEraser(Store.Object, [Eraser.Object], Connector.Object, new RemovedCard(new CardTemplates()), NullLogger<CasusEraser>.Instance, new RegieBot.Bot.ServiceUrls(Mock.Of<RegieBot.Domain.Conversations.IConversationReferenceStore>())),
        Microsoft.Extensions.Options.Options.Create(Options),
        Time,
        NullLogger<RetentionSweeper>.Instance);

    public RetentionWorker Worker(RetentionSweeper sweeper) =>
        new(sweeper, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<RetentionWorker>.Instance);
}
