using Azure.Core;
using Azure.Core.Pipeline;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>
/// Makes one storage request the last one the process ever completes: request <see cref="Arm"/>(N) either never reaches
/// storage, or reaches it and its response is lost; from then on nothing reaches storage or Teams (see
/// <see cref="CrashingConnector"/>), as if the process had been killed. Counts requests (per attempt) while armed.
/// </summary>
internal sealed class ProcessCrash : HttpPipelinePolicy
{
    private int _count;
    private int? _at;
    private bool _lost;
    private volatile bool _dead;

    public bool Dead => _dead;

    /// <summary>Requests seen since the last <see cref="Arm"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <param name="at">The request, counted from now, that is the last; null only counts.</param>
    /// <param name="lost">True: the request reaches storage and its response is lost. False: it never reaches storage.</param>
    public void Arm(int? at, bool lost)
    {
        _count = 0;
        _at = at;
        _lost = lost;
        _dead = false;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Before())
        {
            if (_lost)
            {
                ProcessNext(message, pipeline);
            }

            throw new ProcessCrashedException();
        }

        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Before())
        {
            if (_lost)
            {
                await ProcessNextAsync(message, pipeline);
            }

            throw new ProcessCrashedException();
        }

        await ProcessNextAsync(message, pipeline);
    }

    /// <summary>True when this request is the crash; throws when the process is already dead.</summary>
    private bool Before()
    {
        if (_dead)
        {
            throw new ProcessCrashedException();
        }

        int n = Interlocked.Increment(ref _count);
        if (_at == n)
        {
            _dead = true;
            return true;
        }

        return false;
    }
}

internal sealed class ProcessCrashedException() : Exception("The process was killed (simulated).");
