using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Teams;

namespace RegieBot.Membership;

/// <summary>
/// Introduces the bot once per team, group chat or personal chat. An install brings both a conversationUpdate
/// and an installationUpdate, possibly to different instances: the once-claim in the ledger picks one.
/// </summary>
internal sealed class WelcomeHandler(WelcomeCard welcomeCard, ITurnLedger ledger, ILogger<WelcomeHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        string scope = turn.Activity.GetTeamsChannelData()?.Team?.Id ?? turn.Activity.Conversation?.Id ?? string.Empty;
        TurnKeys once = TurnKeyFactory.Once(scope, "welcome");
        if (!await ledger.TryBeginAsync(once, cancellationToken))
        {
            logger.WelcomeAlreadySent(TurnKeyFactory.ForLog(scope));
            return;
        }

        try
        {
            await turn.SendCardAsync(welcomeCard.Build(turn.Activity.IsPersonalConversation()), cancellationToken);
        }
        catch
        {
            await ledger.AbandonAsync(once, cancellationToken);
            throw;
        }

        logger.WelcomeSent(TurnKeyFactory.ForLog(scope));
    }
}
