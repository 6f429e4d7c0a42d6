using System.Reflection;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Testing.Teams.Fakes;

/// <summary>
/// An <see cref="IKaartStore"/> that answers from <see cref="Baseline"/>, except inside <see cref="Isolate"/>: there
/// (and in everything that flows from it, a request served on the caller's execution context included) from a copy of
/// the baseline taken at that moment, so whatever the request writes is dropped with the scope. Every input of a fuzz
/// run thus meets the same kaart, however earlier inputs changed, closed or erased it.
/// </summary>
public sealed class IsolatedKaartStore
{
    private static readonly AsyncLocal<InMemoryKaartStore?> Current = new();

    public IsolatedKaartStore(InMemoryKaartStore baseline)
    {
        Baseline = baseline;
        Store = DispatchProxy.Create<IKaartStore, Forwarder>();
        ((Forwarder)Store).Owner = this;
    }

    public InMemoryKaartStore Baseline { get; }

    /// <summary>The store the current request uses: its copy inside <see cref="Isolate"/>, else the baseline.</summary>
    public InMemoryKaartStore Active => Current.Value ?? Baseline;

    /// <summary>The store to register in the host.</summary>
    public IKaartStore Store { get; }

    public IDisposable Isolate()
    {
        Current.Value = Baseline.Clone();
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }

    /// <summary>Forwards every call of <see cref="IKaartStore"/> (and the stores it is made of) to the store in use.</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it.
    public class Forwarder : DispatchProxy
#pragma warning restore CA1852
    {
        internal IsolatedKaartStore? Owner { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            try
            {
                return targetMethod.Invoke(Current.Value ?? Owner!.Baseline, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }
    }
}
