using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;

namespace RegieBot.Cards.Tests;

/// <summary>Every card the bot can send, rendered with rich sample data. A new file in cards/ needs an entry here.</summary>
internal static class CardSamples
{
    private static readonly CardTemplates Templates = new();

    public static IReadOnlyDictionary<string, Func<IEnumerable<JsonObject>>> ByTemplate { get; } = new Dictionary<string, Func<IEnumerable<JsonObject>>>
    {
        ["welkom"] = () => [new WelcomeCard(Templates).Build(personal: false), new WelcomeCard(Templates).Build(personal: true)],
        ["help"] = () => [new HelpCard(Templates).Build(CommandScopes.Shared), new HelpCard(Templates).Build(CommandScopes.Personal)],
    };

    public static IEnumerable<(string Name, JsonObject Card)> All() =>
        ByTemplate.SelectMany(entry => entry.Value().Select((card, i) => ($"{entry.Key}-{i}", card)));
}
