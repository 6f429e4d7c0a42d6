using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Bot;

namespace RegieBot.Tests.Security;

/// <summary>
/// Counts, per verb, the card actions that reached their handler: the gate (<see cref="CardActionGate"/>) let them
/// through. Wraps the handler of every registered <see cref="CardVerb"/>, so nothing else of the host changes.
/// Also used by the Azurite tier (linked into RegieBot.IntegrationTests).
/// </summary>
internal sealed class CardHandlerCount
{
    private readonly ConcurrentDictionary<string, long> _byVerb = new(StringComparer.Ordinal);

    public long Total => _byVerb.Values.Sum();

    public IReadOnlyDictionary<string, long> ByVerb => _byVerb.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public override string ToString() => string.Join(", ", _byVerb.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));

    /// <summary>Replaces each card verb's registration by the same verb whose handler is counted first.</summary>
    public void Wrap(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (int i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationFactory: { } factory } && type == typeof(CardVerb))
            {
                services[i] = ServiceDescriptor.Singleton(sp =>
                {
                    CardVerb verb = (CardVerb)factory(sp);
                    CardVerbHandler handle = verb.Handle;
                    return verb with
                    {
                        Handle = (turn, action, target, cancellationToken) =>
                        {
                            _byVerb.AddOrUpdate(verb.Name, 1, (_, n) => n + 1);
                            return handle(turn, action, target, cancellationToken);
                        },
                    };
                });
            }
        }
    }
}
