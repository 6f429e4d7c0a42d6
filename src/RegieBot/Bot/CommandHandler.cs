using System.Globalization;
using RegieBot.Cards;
using RegieBot.Dialog;
using RegieBot.Domain.Commands;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>Typed commands: the first word of the message (without the bot's mention) picks the command.</summary>
internal sealed class CommandHandler(
    HelpCard helpCard,
    RegieConversation conversation,
    KaartCommands kaarten,
    KaartClosing closing,
    Privacy.CasusDeletion deletion,
    Privacy.CasusExport export,
    CasusLocator locator,
    Reminders.EvaluationActions evaluations,
    ILogger<CommandHandler> logger)
{
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

        Task handled = command.Name switch
        {
            "help" => turn.SendCardAsync(helpCard.Build(turn.Activity.IsPersonalConversation() ? CommandScopes.Personal : CommandScopes.Shared), cancellationToken),
            "start" => conversation.StartAsync(turn, arguments, cancellationToken),
            "annuleren" => conversation.CancelAsync(turn, cancellationToken),
            "kaart" => kaarten.ShowAsync(turn, cancellationToken),
            "status" => kaarten.StatusAsync(turn, cancellationToken),
            "geschiedenis" => kaarten.HistoryAsync(turn, cancellationToken),
            "overzicht" => kaarten.OverzichtAsync(turn, cancellationToken),
            "bijwerken" => UpdateAsync(turn, cancellationToken),
            "afsluiten" => closing.AskAsync(turn, cancellationToken),
            "clientversie" => kaarten.ClientVersionAsync(turn, cancellationToken),
            "export" => export.ExportAsync(turn, cancellationToken),
            "verwijderen" => deletion.AskAsync(turn, cancellationToken),
            "opschalen" => EscalateAsync(turn, arguments, cancellationToken),
            "evaluatie" => kaarten.EvaluateAsync(turn, cancellationToken),
            _ => turn.SendTextAsync(Texts.NotYetAvailable(command.Name), cancellationToken),
        };
        await handled;

        logger.CommandHandled(command.Name);
    }

    private async Task UpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await locator.FindThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken);
        if (thread is not { Saved: true })
        {
            await turn.SendPlainTextAsync(NoKaart(turn), cancellationToken);
            return;
        }

        if (await conversation.StartUpdateAsync(turn, thread.KaartId, cancellationToken) is { } refusal)
        {
            await turn.SendPlainTextAsync(refusal, cancellationToken);
        }
    }

    private async Task EscalateAsync(TurnContext turn, string reason, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await locator.FindThreadAsync(turn.Activity.Conversation?.Id ?? string.Empty, cancellationToken);
        if (thread is not { Saved: true })
        {
            await turn.SendPlainTextAsync(NoKaart(turn), cancellationToken);
            return;
        }

        if (await evaluations.EscalateAsync(turn, thread.KaartId, reason, cancellationToken) is { } problem)
        {
            await turn.SendPlainTextAsync(problem, cancellationToken);
        }
    }

    private static string NoKaart(TurnContext turn) =>
        Dialog.CasusLocator.IsReplyInThread(turn.Activity) ? Dialog.RegieTexts.NoKaartInThread : Dialog.RegieTexts.NoKaartHere;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}
