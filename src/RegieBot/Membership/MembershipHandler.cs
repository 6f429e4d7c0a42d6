using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Membership;

/// <summary>
/// The seed: whenever organisations join or drop out, check the agreements. When a linked professional leaves,
/// or members are added, a notice goes into the thread of every active kaart it concerns. When the app is removed its
/// reminders stop; added again, they are scheduled again (after the welcome).
/// Each event acts on its own scope: a team event (<c>teamMemberAdded</c>/<c>…Removed</c>, or none named) on the
/// kaarten of the whole team; a channel event (<c>channelMemberAdded</c>/<c>…Removed</c>, sent for private and shared
/// channels, also when the app itself is added to or removed from one) only on the kaarten of that channel.
/// </summary>
internal sealed class MembershipHandler(
    WelcomeHandler welcome,
    IKaartVersionStore store,
    IKaartIndex index,
    IReminderStore reminders,
    ReminderScheduler scheduler,
    Outbox.OutboxRelay relay,
    MembershipNoticeCard noticeCard,
    ILogger<MembershipHandler> logger) : IConversationEvents
{
    public async Task BotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Scope.Of(turn.Activity) is not { ChannelId: not null })
        {
            await welcome.HandleAsync(turn, cancellationToken);   // once per team or chat; not again for each channel
        }

        await ReinstalledAsync(turn, cancellationToken);
    }

    public async Task BotRemovedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await welcome.ForgetAsync(turn, cancellationToken);   // only when the app left the whole team or chat
        if (Scope.Of(turn.Activity) is not { } scope)
        {
            return;
        }

        IReadOnlyList<MemberKaart> kaarten = await KaartenAsync(scope, cancellationToken);
        foreach (MemberKaart kaart in kaarten)
        {
            await reminders.CancelAsync(kaart.KaartId, null, cancellationToken);
        }

        logger.RemindersPaused(scope.Name, kaarten.Count);
        if (scope.ChannelId is not null && kaarten.Any(k => k.Status == KaartStatus.Actief))
        {
            await SayInGeneralAsync(turn, scope.TeamId, cancellationToken);
        }
    }

    public async Task MembersChangedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        string? botId = activity.Recipient?.Id;
        ChannelAccount[] added = [.. (activity.MembersAdded ?? []).Where(m => m.Id != botId)];
        ChannelAccount[] removed = [.. (activity.MembersRemoved ?? []).Where(m => m.Id != botId)];
        if (Scope.Of(activity) is not { } scope || added.Length + removed.Length == 0)
        {
            return;
        }

        bool channel = scope.ChannelId is not null;
        int notices = 0;
        foreach (MemberKaart entry in (await KaartenAsync(scope, cancellationToken)).Where(k => k.Status == KaartStatus.Actief))
        {
            Kaart? kaart = await store.GetKaartAsync(entry.KaartId, cancellationToken);
            if (kaart is null || kaart.Status != KaartStatus.Actief)
            {
                continue;
            }

            List<string> changes = [];
            foreach (ChannelAccount member in removed)
            {
                Professional? professional = kaart.Content.Professionals.FirstOrDefault(p => p.IsLinked
                    && (p.AadObjectId == member.AadObjectId || p.TeamsUserId == member.Id));
                if (professional is not null)
                {
                    changes.Add(MembershipTexts.Removed(professional.Naam, channel));
                }
            }

            if (added.Length > 0)
            {
                changes.Add(MembershipTexts.Added(added.Length, channel));
            }

            if (changes.Count == 0)
            {
                continue;   // a removal of someone who is not on this kaart does not concern it
            }

            string card = noticeCard.Build(kaart.Id, kaart.Casus, changes).ToJsonString();
            await relay.CommitAsync(kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card)]), cancellationToken);
            notices++;
        }

        logger.MembershipNotices(scope.Name, added.Length, removed.Length, notices);
    }

    private async Task ReinstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Scope.Of(turn.Activity) is not { } scope)
        {
            return;
        }

        int resumed = 0;
        foreach (MemberKaart entry in (await KaartenAsync(scope, cancellationToken)).Where(k => k.Status == KaartStatus.Actief))
        {
            if (await store.GetKaartAsync(entry.KaartId, cancellationToken) is { Status: KaartStatus.Actief } kaart
                && await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, cancellationToken) is { Status: ReminderStatus.Cancelled })
            {
                await scheduler.ScheduleEvaluationAsync(kaart, turn.Activity.Recipient?.Id, cancellationToken);
                resumed++;
            }
        }

        logger.RemindersResumed(scope.Name, resumed);
    }

    /// <summary>The kaarten of the team, or of the one channel a channel event is about (by their threads' channel).</summary>
    private async Task<IReadOnlyList<MemberKaart>> KaartenAsync(Scope scope, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemberKaart> team = await index.ListByTeamAsync(scope.TeamId, cancellationToken);
        return scope.ChannelId is null
            ? team
            : [.. team.Where(k => string.Equals(KaartLocation.ChannelOf(k.ThreadId), scope.ChannelId, StringComparison.Ordinal))];
    }

    /// <summary>
    /// Removed from a channel, the bot can no longer speak there, but it still can in the team's General channel (whose
    /// conversation id is the team's). Its reminders are stopped whatever happens to this post.
    /// </summary>
    private async Task SayInGeneralAsync(TurnContext turn, string teamId, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendToAsync(teamId, new Activity { Type = ActivityTypes.Message, Text = MembershipTexts.RemovedFromChannel, TextFormat = "plain" }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.ChannelRemovalNoticeFailed(ex);   // a defined outcome: the reminders are stopped, only the notice is missing
        }
    }

    /// <summary>The team of a membership event and, for a channel event, the channel it is about.</summary>
    private sealed record Scope(string TeamId, string? ChannelId)
    {
        public string Name => ChannelId is null ? "team" : "channel";

        public static Scope? Of(Activity activity)
        {
            TeamsChannelData? data = activity.GetTeamsChannelData();
            if (data?.Team?.Id is not { } teamId)
            {
                return null;   // a group or personal chat: no kaarten to act on
            }

            bool channelEvent = string.Equals(data.EventType, TeamsEventTypes.ChannelMemberAdded, StringComparison.OrdinalIgnoreCase)
                || string.Equals(data.EventType, TeamsEventTypes.ChannelMemberRemoved, StringComparison.OrdinalIgnoreCase);
            return new Scope(teamId, channelEvent ? data.Channel?.Id ?? KaartLocation.ChannelOf(activity.Conversation?.Id ?? string.Empty) : null);
        }
    }
}
