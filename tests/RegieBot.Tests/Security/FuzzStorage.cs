using System.Reflection;
using Moq;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Testing.Teams.Fakes;

namespace RegieBot.Tests.Security;

/// <summary>
/// Storage doubles for the fuzz tier: every read finds nothing (empty lists, no rows), every write succeeds and
/// returns what was written, so the handlers run their "not found" and "saved" paths on whatever the input names.
/// With <paramref name="kaarten"/> (see <see cref="Configure"/>) the kaart store is in memory, and the outbox double
/// hands the relay what its commits wrote, so the relay posts and updates the cards as it does in production.
/// </summary>
internal static class FuzzStorage
{
    public static void Configure(BotApplicationFactory factory, IsolatedKaartStore? kaarten = null)
    {
        EmptyValues empty = new();
        foreach (Mock mock in new Mock[] { factory.Kaarten, factory.Reminders, factory.Outbox, factory.Retention, factory.Conversations, factory.Ledger })
        {
            mock.DefaultValueProvider = empty;
        }

        factory.Ledger.Setup(l => l.TryBeginAsync(It.IsAny<RegieBot.Domain.Turns.TurnKeys>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        factory.Kaarten.Setup(k => k.CreateDialogAsync(It.IsAny<DialogState>(), It.IsAny<IReadOnlyList<RegieBot.Domain.Outbox.OutboxItem>>(), It.IsAny<CancellationToken>())).ReturnsAsync((DialogState d, IReadOnlyList<RegieBot.Domain.Outbox.OutboxItem> _, CancellationToken _) => d);
        factory.Kaarten.Setup(k => k.SaveDialogAsync(It.IsAny<DialogState>(), It.IsAny<CancellationToken>())).ReturnsAsync((DialogState d, CancellationToken _) => d);
        factory.Kaarten.Setup(k => k.UpdateKaartAsync(It.IsAny<Kaart>(), It.IsAny<CancellationToken>())).ReturnsAsync((Kaart k, CancellationToken _) => k);
        if (kaarten is null)
        {
            return;
        }

        Mock<IOutboxStore> outbox = factory.Outbox;
        outbox.Setup(o => o.MarkPendingAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string kaartId, DateTimeOffset notBefore, CancellationToken _) => new PendingWork(kaartId, false, notBefore));
        outbox.Setup(o => o.MarkEraseAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string kaartId, string notice, string? keep, DateTimeOffset notBefore, CancellationToken _) => new PendingWork(kaartId, true, notBefore) { Notice = notice, KeepActivityId = keep });
        outbox.Setup(o => o.RenewAsync(It.IsAny<PendingWork>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((PendingWork work, DateTimeOffset until, CancellationToken _) => work with { NotBefore = until });
        outbox.Setup(o => o.ReleaseAsync(It.IsAny<PendingWork>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        outbox.Setup(o => o.GetItemsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string kaartId, CancellationToken _) => kaarten.Active.PendingEffectsOf(kaartId));
        outbox.Setup(o => o.CompleteAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<OutboxItem>>(), It.IsAny<CancellationToken>()))
            .Callback((string _, IReadOnlyCollection<OutboxItem> items, CancellationToken _) => kaarten.Active.CompleteEffects(items))
            .Returns(Task.CompletedTask);
    }

    /// <summary>Empty lists for list results, completed tasks, and null or default for everything else.</summary>
    private sealed class EmptyValues : LookupOrFallbackDefaultValueProvider
    {
        private static readonly MethodInfo FromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!;

        public EmptyValues()
        {
            Register(typeof(IReadOnlyList<>), (type, _) => Array.CreateInstance(type.GetGenericArguments()[0], 0));
            Register(typeof(Task), (_, _) => Task.CompletedTask);
            Register(typeof(Task<>), (type, mock) =>
            {
                Type result = type.GetGenericArguments()[0];
                return FromResult.MakeGenericMethod(result).Invoke(null, [GetDefaultValue(result, mock)])!;
            });
        }
    }
}
