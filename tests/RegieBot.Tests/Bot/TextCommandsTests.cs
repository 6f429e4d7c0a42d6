using Microsoft.Extensions.DependencyInjection;
using RegieBot.Bot;
using RegieBot.Domain.Commands;

namespace RegieBot.Tests.Bot;

/// <summary>The table of typed commands: built from the features' registrations, every listed command answered once.</summary>
public sealed class TextCommandsTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void EveryListedCommand_HasAHandler()
    {
        TextCommands commands = _factory.Services.GetRequiredService<TextCommands>();

        Assert.Equal(
            BotCommands.All.Select(c => c.Name).Where(n => n != CommandHandler.Help).Order(StringComparer.Ordinal),
            commands.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ACommandRegisteredTwice_IsRefused()
    {
        TextCommand start = new("start", (_, _, _) => Task.CompletedTask);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new TextCommands([start, start]));
        Assert.Contains("'start'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommandThatIsNotListed_IsRefused()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new TextCommands([new("strat", (_, _, _) => Task.CompletedTask)]));
        Assert.Contains("'strat'", error.Message, StringComparison.Ordinal);
    }
}
