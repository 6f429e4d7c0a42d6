using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using RegieBot.Cards;
using RegieBot.Domain.Dialogs;
using RegieBot.Protocol;
using RegieBot.Protocol.Schema;
using RegieBot.Storage;

namespace RegieBot.Benchmarks.Micro;

/// <summary>Reading an incoming activity and writing an outgoing one, as the endpoint and the connector client do.</summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods only.")]
public class ActivityBenchmarks
{
    private readonly Activity _cardMessage = new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment.AdaptiveCard(new KaartCard(new CardTemplates()).Build(SampleData.Snapshot, null))],
    };

    [Benchmark]
    public Activity? ParseInvoke() => JsonSerializer.Deserialize(SampleData.InvokeBody, ProtocolJsonContext.Default.Activity);

    [Benchmark]
    public byte[] SerializeKaartCardMessage() => JsonSerializer.SerializeToUtf8Bytes(_cardMessage, ProtocolJsonContext.Default.Activity);
}

/// <summary>Expanding the card templates: the step card of a dialog turn and the regiekaart of a confirmation.</summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods only.")]
public class CardBenchmarks
{
    private readonly CardTemplates _templates = new();
    private readonly DialogState _dialog = RegieDialog.StartUpdate(SampleData.Kaart, "aad-1", SampleData.Kaart.UpdatedAt);
    private DialogCard _dialogCard = null!;
    private KaartCard _kaartCard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dialogCard = new DialogCard(_templates);
        _kaartCard = new KaartCard(_templates);
    }

    [Benchmark]
    public JsonObject StepCard() => _dialogCard.Build(_dialog, [], null, []);

    [Benchmark]
    public JsonObject KaartCardForViewer() => _kaartCard.Build(SampleData.Snapshot, "aad-2");

    [Benchmark]
    public JsonObject HelpTemplate() => _templates["help"].Expand(new JsonObject());
}

/// <summary>Table key encoding, done for every partition and row key the bot builds.</summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods only.")]
public class KeyBenchmarks
{
    private const string ThreadId = "19:bench@thread.tacv2;messageid=1767225600123";
    private const string NeedsEscapes = "a:1/b#c?d%e'f~g";

    [Benchmark]
    public string EncodePlain() => TableKey.Encode(ThreadId);

    [Benchmark]
    public string EncodeEscapes() => TableKey.Encode(NeedsEscapes);

    [Benchmark]
    public string Decode() => TableKey.Decode("a:1~2Fb~23c~3Fd~25e~27f~7Eg");

    [Benchmark]
    public string Hash() => TableKey.Hash(ThreadId);
}
