using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>Picks the handler for an activity. Unknown types, events and invokes are acknowledged and ignored.</summary>
internal sealed class ActivityRouter(
    CommandHandler commands,
    CardActionHandler cardActions,
    CardSubmitHandler cardSubmits,
    MemberSearchHandler memberSearch,
    IMeetingEvents meetings,
    IConversationEvents conversation,
    ILogger<ActivityRouter> logger)
{
    public async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        switch (activity)
        {
            case { Type: ActivityTypes.Message, Value: not null } when turn.CardAction is not null:
                await cardSubmits.HandleAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.Message }:
                await commands.HandleAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.ConversationUpdate } when activity.BotWasAdded():
                await conversation.BotAddedAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.ConversationUpdate } when activity.BotWasRemoved():
                await conversation.BotRemovedAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.ConversationUpdate } when activity.MembersAdded is { Count: > 0 } || activity.MembersRemoved is { Count: > 0 }:
                await conversation.MembersChangedAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.InstallationUpdate } when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                await conversation.BotAddedAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.InstallationUpdate } when string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase):
                await conversation.BotRemovedAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.Invoke, Name: CardActionHandler.InvokeName }:
                return await cardActions.HandleAsync(turn, cancellationToken);

            case { Type: ActivityTypes.Invoke, Name: MemberSearchHandler.InvokeName }:
                return await memberSearch.HandleAsync(turn, cancellationToken);

            case { Type: ActivityTypes.Event, Name: TeamsEventTypes.MeetingStart or TeamsEventTypes.MeetingEnd }:
                await meetings.HandleAsync(turn, cancellationToken);
                return null;

            case { Type: ActivityTypes.Invoke }:
                logger.ActivityIgnored(activity.Type, activity.Name);
                return InvokeResponse.NotImplemented;

            default:
                logger.ActivityIgnored(activity.Type, activity.Name);
                return null;
        }
    }
}
