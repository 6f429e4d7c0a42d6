using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Bot;
using RegieBot.Protocol.Schema;

namespace RegieBot.Tests.Bot;

/// <summary>The verb table: built from the features' registrations, one handler per verb, one card per handler.</summary>
public sealed partial class CardVerbsTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    private CardVerbs Verbs => _factory.Services.GetRequiredService<CardVerbs>();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void EveryVerbOnACard_HasAHandler()
    {
        Assert.Empty(CardVerbsUsed().Except(Verbs.Names));
    }

    [Fact]
    public void EveryHandler_HasACard()
    {
        Assert.Empty(Verbs.Names.Except(CardVerbsUsed()));
    }

    [Fact]
    public void OnlyClicksThatChangeNothingTwice_SkipTheLedger()
    {
        Assert.Equal(["bevestigen", "dialoog", "refreshKaart"], Verbs.Names.Where(v => !Verbs.Find(v)!.NeedsLedger).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AVerbRegisteredTwice_IsRefused()
    {
        CardVerb verb = new("dubbel", CardLoad.Kaart, CardActor.InConversation, NeedsLedger: true, (_, _, _, _) => Task.FromResult(InvokeResponse.Message("")));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new CardVerbs([verb, verb with { NeedsLedger = false }]));

        Assert.Contains("dubbel", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every <c>"verb"</c> of the card templates (embedded in RegieBot.Cards; the C# builders fill these templates).</summary>
    private static HashSet<string> CardVerbsUsed()
    {
        System.Reflection.Assembly cards = typeof(Cards.DialogCard).Assembly;
        HashSet<string> verbs = new(StringComparer.Ordinal);
        foreach (string name in cards.GetManifestResourceNames().Where(n => n.StartsWith("cards/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using StreamReader reader = new(cards.GetManifestResourceStream(name)!);
            foreach (Match match in VerbProperty().Matches(reader.ReadToEnd()))
            {
                verbs.Add(match.Groups[1].Value);
            }
        }

        Assert.NotEmpty(verbs);
        return verbs;
    }

    [GeneratedRegex("\"verb\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex VerbProperty();
}
