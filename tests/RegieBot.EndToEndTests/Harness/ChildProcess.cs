using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// A process the end-to-end fixture started (Azurite, the bot, the Playground): keeps its last output lines for
/// failure messages, can wait for a line, and is stopped with its whole process tree.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<string> _everyLine = [];
    private readonly Lock _waitersLock = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        ProcessStartInfo info = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            info.Environment[key] = value;
        }

        Process process = new() { StartInfo = info, EnableRaisingEvents = true };
        ChildProcess child = new(name, process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start ({fileName}).");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/>; fails when the process exits first.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Match> found = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            foreach (string line in _lines)
            {
                Match match = pattern.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }

            _waiters.Add((pattern, found));
        }

        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task exited = _process.WaitForExitAsync(stop.Token);
        Task winner = await Task.WhenAny(found.Task, exited, Task.Delay(timeout, stop.Token));
        await stop.CancelAsync();
        if (winner == found.Task)
        {
            return await found.Task;
        }

        lock (_waitersLock)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        cancellationToken.ThrowIfCancellationRequested();
        string reason = winner == exited && exited.IsCompletedSuccessfully ? $"exited with code {ExitCodeOrUnknown()}" : $"printed no line matching /{pattern}/ within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"{Name} {reason}.{Environment.NewLine}{Tail()}");
    }

    /// <summary>Every line the process printed so far (standard output and error), e.g. to check its logs.</summary>
    public IReadOnlyList<string> Output()
    {
        lock (_waitersLock)
        {
            return [.. _everyLine];
        }
    }

    /// <summary>The last output lines, for failure messages.</summary>
    public string Tail(int count = 40)
    {
        string[] lines = [.. _lines];
        IEnumerable<string> last = lines.Skip(Math.Max(0, lines.Length - count));
        return $"--- last output of {Name} (pid {SafeId()}{(HasExitedSafe() ? $", exited {ExitCodeOrUnknown()}" : string.Empty)}) ---"
            + Environment.NewLine + string.Join(Environment.NewLine, last);
    }

    /// <summary>Kills the process and everything it started; safe to call more than once, also from a process-exit handler.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // already gone, or exiting while we enumerated its children
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // it will be reaped with the test host; Kill already sent SIGKILL
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_waitersLock)
        {
            _everyLine.Add(line);
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
            {
            }

            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                Match match = _waiters[i].Pattern.Match(line);
                if (match.Success)
                {
                    _waiters[i].Found.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private string SafeId()
    {
        try
        {
            return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private bool HasExitedSafe()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private string ExitCodeOrUnknown()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
