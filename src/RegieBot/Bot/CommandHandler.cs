using System.Globalization;
using RegieBot.Cards;
using RegieBot.Domain.Commands;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>Typed commands: the first word of the message (without the bot's mention) picks the command.</summary>
internal sealed class CommandHandler(HelpCard helpCard, ILogger<CommandHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        string text = turn.Text;
        if (text.Length == 0)
        {
            await turn.SendTextAsync(Texts.EmptyMessage, cancellationToken);
            return;
        }

        string word = text.Split(' ', 2)[0].ToLower(CultureInfo.GetCultureInfo("nl-NL"));
        BotCommand? command = BotCommands.All.FirstOrDefault(c => string.Equals(c.Name, word, StringComparison.Ordinal));
        if (command is null)
        {
            await turn.SendTextAsync(Texts.UnknownCommand(Truncate(word, 40)), cancellationToken);
            logger.CommandHandled("unknown");
            return;
        }

        if (command == BotCommands.Help)
        {
            CommandScopes scope = turn.Activity.IsPersonalConversation() ? CommandScopes.Personal : CommandScopes.Shared;
            await turn.SendCardAsync(helpCard.Build(scope), cancellationToken);
        }
        else
        {
            await turn.SendTextAsync(Texts.NotYetAvailable(command.Name), cancellationToken);
        }

        logger.CommandHandled(command.Name);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}
