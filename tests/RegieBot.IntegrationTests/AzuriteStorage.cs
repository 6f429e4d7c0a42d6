using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests;

/// <summary>
/// Real Table Storage on the Azurite emulator (127.0.0.1:10002, started by scripts/test.sh), with tables of a
/// prefix of its own that are deleted afterwards. No SDK retries: a missing emulator fails at once.
/// </summary>
public sealed class AzuriteStorage : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public string TablePrefix { get; } = "T" + Guid.NewGuid().ToString("N")[..12];

    public RegieTables Tables { get; private set; } = null!;

    public IOptions<StorageOptions> Options => Microsoft.Extensions.Options.Options.Create(new StorageOptions
    {
        ConnectionString = ConnectionString,
        TablePrefix = TablePrefix,
        MaxRetries = 0,
    });

    public async ValueTask InitializeAsync()
    {
        await EnsureAzuriteAsync();
        TableClientOptions clientOptions = new();
        clientOptions.Retry.MaxRetries = 0;
        Tables = new RegieTables(new TableServiceClient(ConnectionString, clientOptions), Options);
        await new TableInitializer(Tables, NullLogger<TableInitializer>.Instance).StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string table in RegieTables.All)
        {
            await Tables.Get(table).DeleteAsync();
        }
    }

    public static async Task EnsureAzuriteAsync()
    {
        using TcpClient probe = new();
        try
        {
            await probe.ConnectAsync("127.0.0.1", 10002).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                "Azurite is not running on 127.0.0.1:10002. Run the tests with scripts/test.sh, which starts it.", ex);
        }
    }
}
