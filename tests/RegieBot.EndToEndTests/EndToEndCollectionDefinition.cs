using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>All end-to-end tests share one Azurite, bot and Playground, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollectionDefinition : ICollectionFixture<EndToEndEnvironment>
{
    public const string Name = "EndToEnd";
}
