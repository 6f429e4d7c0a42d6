using System.Collections.Frozen;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>What the gate loads for a verb before its handler sees it.</summary>
internal enum CardLoad
{
    Dialog,
    Snapshot,
    Kaart,
    Thread,
}

/// <summary>Who may click a verb, as the gate checks it.</summary>
internal enum CardActor
{
    /// <summary>Anyone Teams lets click in the conversation (every member of the channel: it is a team conversation).</summary>
    InConversation,

    /// <summary>A professional linked to the kaart (their own entry is checked by the handler).</summary>
    LinkedProfessional,

    /// <summary>A member of the team's roster, asked of Teams at the moment of the click.</summary>
    ChannelMember,
}

/// <summary>Answers a card action the gate let through, with what the gate loaded.</summary>
internal delegate Task<InvokeResponse> CardVerbHandler(TurnContext turn, CardAction action, CardTarget target, CancellationToken cancellationToken);

/// <summary>
/// One card verb as a feature registers it (a singleton <see cref="CardVerb"/> in DI): what the gate loads and
/// checks, whether a second delivery needs the turn ledger, and the handler.
/// </summary>
/// <param name="NeedsLedger">
/// False for clicks that are safe to receive twice without the turn ledger, which saves a storage write on the most
/// frequent turns (a dialog step carries the revision it answers, a role is confirmed once, a refresh only reads).
/// </param>
internal sealed record CardVerb(string Name, CardLoad Load, CardActor Actor, bool NeedsLedger, CardVerbHandler Handle);

/// <summary>
/// The one table of card verbs, built at start-up from the registered <see cref="CardVerb"/>s. A verb registered twice
/// is a wiring mistake that would silently shadow a handler, so it stops the host instead.
/// </summary>
internal sealed class CardVerbs
{
    private readonly FrozenDictionary<string, CardVerb> _verbs;

    public CardVerbs(IEnumerable<CardVerb> verbs)
    {
        _verbs = RegistrationTable.Build(verbs, v => v.Name, "Card verb");
    }

    /// <summary>The verbs with a handler; every verb a card in <c>cards/</c> uses must be one of them.</summary>
    public IReadOnlyCollection<string> Names => _verbs.Keys;

    public CardVerb? Find(string verb) => _verbs.GetValueOrDefault(verb);

    /// <summary>
    /// Whether this activity is a card action that is safe without the turn ledger (see <see cref="CardVerb.NeedsLedger"/>).
    /// An unknown verb goes through the ledger like any other turn.
    /// </summary>
    public bool IsIdempotentByItself(TurnContext turn) =>
        turn.Activity is { Type: ActivityTypes.Invoke, Name: CardActionHandler.InvokeName }
        && turn.CardAction?.Verb is { } verb
        && Find(verb) is { NeedsLedger: false };
}

/// <summary>The tables the features fill at start-up (<see cref="CardVerbs"/>, <see cref="TextCommands"/>).</summary>
internal static class RegistrationTable
{
    /// <summary>A table by name; a name registered twice is a wiring mistake that would shadow a handler, so it throws.</summary>
    public static FrozenDictionary<string, T> Build<T>(IEnumerable<T> entries, Func<T, string> name, string what)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(name);
        Dictionary<string, T> table = new(StringComparer.Ordinal);
        foreach (T entry in entries)
        {
            if (!table.TryAdd(name(entry), entry))
            {
                throw new InvalidOperationException($"{what} '{name(entry)}' is registered twice.");
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>How a feature adds its verbs to <see cref="CardVerbs"/>.</summary>
internal static class CardVerbRegistration
{
    /// <summary>Registers one verb; <paramref name="handler"/> picks the feature's service that answers it.</summary>
    public static IServiceCollection AddCardVerb(
        this IServiceCollection services, string name, CardLoad load, CardActor actor, bool needsLedger, Func<IServiceProvider, CardVerbHandler> handler) =>
        services.AddSingleton(sp => new CardVerb(name, load, actor, needsLedger, handler(sp)));
}
