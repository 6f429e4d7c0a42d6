using System.Globalization;
using RegieBot.Cards;
using RegieBot.Domain.Commands;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>
/// Typed commands: the first word of the message (without the bot's mention) picks the command from
/// <see cref="TextCommands"/>, where the features registered theirs; <c>help</c> is the bot's own.
/// </summary>
internal sealed class CommandHandler(HelpCard helpCard, TextCommands commands, ILogger<CommandHandler> logger)
{
    public const string Help = "help";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        string text = turn.Text;
        if (text.Length == 0)
        {
            await turn.SendTextAsync(Texts.EmptyMessage, cancellationToken);
            return;
        }

        string[] parts = text.Split(' ', 2);
        string word = parts[0].ToLower(CultureInfo.GetCultureInfo("nl-NL"));
        string arguments = parts.Length > 1 ? parts[1] : string.Empty;
        BotCommand? command = BotCommands.All.FirstOrDefault(c => string.Equals(c.Name, word, StringComparison.Ordinal));
        if (command is null)
        {
            await turn.SendPlainTextAsync(Texts.UnknownCommand(Truncate(word, 40)), cancellationToken);   // echoes user text: plain
            logger.CommandHandled("unknown");
            return;
        }

        Task handled = command.Name == Help
            ? turn.SendCardAsync(helpCard.Build(ScopeOf(turn.Activity)), cancellationToken)
            : commands.Find(command.Name) is { } registered
                ? registered.Handle(turn, arguments, cancellationToken)
                : turn.SendTextAsync(Texts.NotYetAvailable(command.Name), cancellationToken);
        await handled;

        logger.CommandHandled(command.Name);
    }

    private static CommandScopes ScopeOf(Protocol.Schema.Activity activity) =>
        activity.IsPersonalConversation() ? CommandScopes.Personal
        : activity.IsChannelConversation() ? CommandScopes.Team
        : CommandScopes.GroupChat;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}
