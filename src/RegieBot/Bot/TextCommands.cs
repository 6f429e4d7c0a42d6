using System.Collections.Frozen;
using RegieBot.Domain.Commands;

namespace RegieBot.Bot;

/// <summary>Answers a typed command; <c>arguments</c> is the text after the command's name.</summary>
internal delegate Task TextCommandHandler(TurnContext turn, string arguments, CancellationToken cancellationToken);

/// <summary>One typed command as a feature registers it (a singleton <see cref="TextCommand"/> in DI).</summary>
internal sealed record TextCommand(string Name, TextCommandHandler Handle);

/// <summary>
/// The table of typed commands, built at start-up from the registered <see cref="TextCommand"/>s. Only the commands of
/// <see cref="BotCommands.All"/> (what help and the manifest list) can be registered, each once: a typo or a second
/// handler is a wiring mistake that stops the host.
/// </summary>
internal sealed class TextCommands
{
    private readonly FrozenDictionary<string, TextCommand> _commands;

    public TextCommands(IEnumerable<TextCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        TextCommand[] all = [.. commands];
        if (all.FirstOrDefault(command => !BotCommands.All.Any(c => c.Name == command.Name)) is { } unlisted)
        {
            throw new InvalidOperationException($"Command '{unlisted.Name}' is not one of BotCommands.All.");
        }

        _commands = RegistrationTable.Build(all, c => c.Name, "Command");
    }

    /// <summary>The commands with a handler.</summary>
    public IReadOnlyCollection<string> Names => _commands.Keys;

    public TextCommand? Find(string name) => _commands.GetValueOrDefault(name);
}

/// <summary>How a feature adds its typed commands to <see cref="TextCommands"/>.</summary>
internal static class TextCommandRegistration
{
    /// <summary>Registers one command; <paramref name="handler"/> picks the feature's service that answers it.</summary>
    public static IServiceCollection AddTextCommand(this IServiceCollection services, string name, Func<IServiceProvider, TextCommandHandler> handler) =>
        services.AddSingleton(sp => new TextCommand(name, handler(sp)));
}
