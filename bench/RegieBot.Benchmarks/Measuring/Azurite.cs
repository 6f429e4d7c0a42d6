using System.Globalization;

namespace RegieBot.Benchmarks.Measuring;

/// <summary>The Table service of the Azurite emulator on 127.0.0.1 at a given port (10002 is the emulator's default).</summary>
internal static class Azurite
{
    /// <summary>The emulator's fixed, publicly documented development account and key (not a secret).</summary>
    private const string DevelopmentAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString(int port) =>
        port == 10002
            ? RegieBot.Storage.StorageOptions.DevelopmentStorage
            : string.Create(CultureInfo.InvariantCulture, $"{DevelopmentAccount};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
}
