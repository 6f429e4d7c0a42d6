using System.Reflection;
using Moq;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Tests.Security;

/// <summary>
/// Storage doubles for the fuzz tier: every read finds nothing (empty lists, no rows), every write succeeds and
/// returns what was written, so the handlers run their "not found" and "saved" paths on whatever the input names.
/// </summary>
internal static class FuzzStorage
{
    public static void Configure(BotApplicationFactory factory)
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
