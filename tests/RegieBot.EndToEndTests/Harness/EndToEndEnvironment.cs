using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// The real parts, started once for all end-to-end tests: Azurite (unless something already listens on
/// 127.0.0.1:10002, e.g. the one scripts/test.sh started), RegieBot as its own process on a free loopback port
/// with an empty MicrosoftAppId and a table prefix of its own, and the Microsoft 365 Agents Playground (0.2.28)
/// in a temporary working folder with the <see cref="MockTeam"/> as its <c>.m365agentsplayground.yml</c>,
/// recording every Bot Connector call the bot makes. Everything it started is killed (with its child processes)
/// on dispose, and also when the test host exits.
/// </summary>
public sealed partial class EndToEndEnvironment : IAsyncLifetime
{
    public const int AzuritePort = 10002;
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The bot's evaluation period (ISO 8601) in these tests: an evaluation card 20 s after saving.</summary>
    public const string EvaluationPeriod = "PT20S";

    /// <summary>
    /// The bot's today: its process runs on the real clock (no test clock reaches across the process boundary), and
    /// it reckons days in Amsterdam. A date typed in a test must be that day, not the UTC date (they differ each night
    /// from midnight in Amsterdam until midnight UTC).
    /// </summary>
    public static DateOnly BotToday => RegieBot.Domain.Scheduling.DutchCalendar.Today(TimeProvider.System.GetUtcNow());

    private const string EvaluationPeriodSetting = "RegieBot__Reminders__EvaluationPeriod";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ChildProcess> _processes = [];
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "regiebot-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private HttpClient? _playgroundHttp;
    private bool _startedAzurite;

    public string TablePrefix { get; } = "E2e" + Guid.NewGuid().ToString("N")[..12];

    public Uri BotAddress { get; private set; } = null!;

    public ChildProcess Bot { get; private set; } = null!;

    public ChildProcess PlaygroundProcess { get; private set; } = null!;

    public PlaygroundDriver Playground { get; private set; } = null!;

    /// <summary>Makes a node service exit when the test host is gone, even if it was killed.</summary>
    private static string ExitWithParent => Require(Path.Combine(RepositoryPaths.Root, "scripts", "lib", "exit-with-parent.cjs"));

    private string PlaygroundLogFile => Path.Combine(_workDirectory, "playground", "playground.log");

    private string RecordingFile => Path.Combine(_workDirectory, "playground", "events-recording.log");

    public async ValueTask InitializeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        try
        {
            Directory.CreateDirectory(_workDirectory);
            await StartAzuriteIfNeededAsync(cancellationToken);
            await StartBotAsync(cancellationToken);
            await StartPlaygroundAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _playgroundHttp?.Dispose();
        for (int i = _processes.Count - 1; i >= 0; i--)   // the Playground, the bot, then Azurite if it is ours
        {
            await _processes[i].DisposeAsync();
        }

        if (!_startedAzurite && Bot is not null)
        {
            await DeleteOurTablesAsync();   // a shared Azurite: leave it as we found it
        }

        _processes.Clear();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a process may still hold a file; the folder is in the temp directory
        }
    }

    /// <summary>The last output of the bot, the Playground (its log file: it prints almost nothing) and Azurite.</summary>
    public string Diagnostics()
    {
        StringBuilder text = new();
        foreach (ChildProcess process in _processes)
        {
            text.AppendLine(process.Tail(40));
        }

        if (File.Exists(PlaygroundLogFile))
        {
            text.AppendLine("--- last lines of the Playground's log ---");
            string[] lines = ReadAllLinesShared(PlaygroundLogFile);
            foreach (string line in lines.Skip(Math.Max(0, lines.Length - 40)))
            {
                text.AppendLine(line.Length > 600 ? line[..600] + "…" : line);
            }
        }

        return text.ToString();
    }

    private async Task StartAzuriteIfNeededAsync(CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(AzuritePort, cancellationToken))
        {
            return;
        }

        string azurite = NodeBin("azurite-table");
        ChildProcess process = Track(ChildProcess.Start(
            "Azurite",
            azurite,
            ["--tableHost", "127.0.0.1", "--tablePort", AzuritePort.ToString(CultureInfo.InvariantCulture),
             "--location", Path.Combine(_workDirectory, "azurite"), "--skipApiVersionCheck", "--disableTelemetry"],
            _workDirectory,
            new Dictionary<string, string> { ["NODE_OPTIONS"] = ExitWithParent }));
        _startedAzurite = true;
        await process.WaitForLineAsync(AzuriteStarted(), StartTimeout, cancellationToken);
    }

    private async Task StartBotAsync(CancellationToken cancellationToken)
    {
        string configuration = typeof(EndToEndEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        string botDirectory = Path.Combine(RepositoryPaths.Root, "src", "RegieBot", "bin", configuration, framework);
        string botDll = Path.Combine(botDirectory, "RegieBot.dll");
        if (!File.Exists(botDll))
        {
            throw new InvalidOperationException($"RegieBot is not built: {botDll} is missing. Build the solution first (scripts/test.sh does).");
        }

        int port = FreeLoopbackPort();
        BotAddress = new Uri($"http://127.0.0.1:{port}");
        Bot = Track(ChildProcess.Start(
            "RegieBot",
            "dotnet",
            [botDll, "--urls", BotAddress.ToString().TrimEnd('/')],
            botDirectory,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["MicrosoftAppId"] = string.Empty,
                ["MicrosoftAppPassword"] = string.Empty,
                ["MicrosoftAppTenantId"] = string.Empty,
                ["RegieBot__Storage__ConnectionString"] = AzuriteConnectionString,
                ["RegieBot__Storage__TablePrefix"] = TablePrefix,
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__LogLevel__RegieBot"] = "Debug",   // every log line of ours, for the log privacy test
                // Demo timing, so an evaluation card arrives during a test: every saved kaart is due for evaluation
                // 20 s after saving (and an unanswered one escalates 20 s later), looked for every 2 s. Tests that
                // save a kaart only look at their own thread, so these extra cards do not disturb them.
                [EvaluationPeriodSetting] = EvaluationPeriod,
                ["RegieBot__Reminders__PollInterval"] = "00:00:02",
                ["DOTNET_NOLOGO"] = "1",
            }));

        using HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
        Uri health = new(BotAddress, "/healthz");
        DateTimeOffset deadline = DateTimeOffset.UtcNow + StartTimeout;
        using PeriodicTimer timer = new(TimeSpan.FromMilliseconds(250));
        string last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (Bot.HasExited)
            {
                throw new InvalidOperationException($"RegieBot exited during start-up.{Environment.NewLine}{Bot.Tail(60)}");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "time-out";
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        throw new InvalidOperationException($"RegieBot did not answer {health} with 2xx within {StartTimeout.TotalSeconds:0} s (last: {last}).{Environment.NewLine}{Bot.Tail(60)}");
    }

    private async Task StartPlaygroundAsync(CancellationToken cancellationToken)
    {
        string folder = Path.Combine(_workDirectory, "playground");
        Directory.CreateDirectory(folder);
        string config = Path.Combine(folder, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(config, MockTeam.ToPlaygroundConfig(), cancellationToken);

        int requestedPort = FreeLoopbackPort();
        PlaygroundProcess = Track(ChildProcess.Start(
            "Agents Playground",
            NodeBin("agentsplayground"),
            ["-e", new Uri(BotAddress, "/api/messages").ToString(), "-c", "msteams",
             "-p", requestedPort.ToString(CultureInfo.InvariantCulture), "--enable-events-recording", "--dt"],
            folder,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",                      // otherwise it opens a browser, and exits without one
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = PlaygroundLogFile,   // without a TTY its console output goes only here
                ["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = RecordingFile,
                ["NODE_OPTIONS"] = Require(Path.Combine(RepositoryPaths.Root, "scripts", "playground", "loopback.cjs")) + " " + ExitWithParent,
            }));

        // A taken port makes it pick another one silently; stdout then says which.
        Match listening = await PlaygroundProcess.WaitForLineAsync(ListeningOn(), StartTimeout, cancellationToken);
        int port = int.Parse(listening.Groups[1].Value, CultureInfo.InvariantCulture);
        _playgroundHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Playground = new PlaygroundDriver(_playgroundHttp, RecordingFile, Diagnostics);
        string pong = await Playground.PingAsync(cancellationToken);
        if (pong != "pong")
        {
            throw new InvalidOperationException($"The Playground answered '{pong}' to /_debug/ping.{Environment.NewLine}{Diagnostics()}");
        }
    }

    private async Task DeleteOurTablesAsync()
    {
        try
        {
            TableClientOptions options = new();
            options.Retry.MaxRetries = 0;
            TableServiceClient service = new(AzuriteConnectionString, options);
            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
            List<string> ours = [];
            await foreach (TableItem table in service.QueryAsync(cancellationToken: timeout.Token))
            {
                if (table.Name.StartsWith(TablePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    ours.Add(table.Name);
                }
            }

            foreach (string table in ours)
            {
                await service.DeleteTableAsync(table, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            // best effort: a shared Azurite keeps a few tables of this run
        }
    }

    private ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        foreach (ChildProcess process in _processes)
        {
            process.Kill();
        }
    }

    private static string NodeBin(string name)
    {
        string path = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in the repository root (scripts/test.sh does).");
        }

        return path;
    }

    /// <summary>A NODE_OPTIONS preload; node accepts double-quoted values there.</summary>
    private static string Require(string path) => $"--require \"{path}\"";

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using TcpClient probe = new();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string[] ReadAllLinesShared(string path)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using StreamReader reader = new(stream, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n');
    }

    [GeneratedRegex(@"^Listening on (\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex("successfully started|listening on", RegexOptions.IgnoreCase)]
    private static partial Regex AzuriteStarted();
}
