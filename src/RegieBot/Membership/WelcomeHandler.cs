using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Membership;

/// <summary>
/// Introduces the bot once per team, group chat or personal chat, for good: an install brings a conversationUpdate
/// and an installationUpdate, possibly to different instances and seconds or minutes apart, and Teams sends more
/// of them later (a channel added, the app updated). The once-claim in the ledger holds a row keyed on the
/// scope that no later event replaces. Removing the app from the whole team or chat drops the row, so installing it
/// again welcomes again; removing it from one channel does not.
/// </summary>
internal sealed class WelcomeHandler(WelcomeCard welcomeCard, ITurnLedger ledger, ILogger<WelcomeHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        string scope = Scope(turn.Activity);
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

    /// <summary>The app left the team or chat (not one channel of it): a later install is a new one.</summary>
    public async Task ForgetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!LeftTheWholeScope(turn.Activity))
        {
            return;
        }

        string scope = Scope(turn.Activity);
        await ledger.AbandonAsync(TurnKeyFactory.Once(scope, "welcome"), cancellationToken);
        logger.WelcomeForgotten(TurnKeyFactory.ForLog(scope));
    }

    private static string Scope(Activity activity) =>
        activity.GetTeamsChannelData()?.Team?.Id ?? activity.Conversation?.Id ?? string.Empty;

    /// <summary>
    /// An uninstall (installationUpdate remove), or the bot removed as a member of the team or chat; Teams marks the
    /// removal from one private or shared channel as a channel event (<c>channelMemberRemoved</c>).
    /// </summary>
    private static bool LeftTheWholeScope(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
        || activity.GetTeamsChannelData()?.EventType is null or "teamMemberRemoved";
}
