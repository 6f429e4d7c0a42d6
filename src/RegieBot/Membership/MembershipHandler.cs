using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Reminders;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Membership;

/// <summary>
/// The seed: whenever organisations join or drop out, check the agreements. When a linked professional leaves
/// the team, or members are added, a notice goes into the thread of every active kaart it concerns. When the
/// app is removed from a team its reminders stop; added again, they are scheduled again (after the welcome).
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
        await welcome.HandleAsync(turn, cancellationToken);
        await ReinstalledAsync(turn, cancellationToken);
    }

    public async Task BotRemovedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await welcome.ForgetAsync(turn, cancellationToken);
        await UninstalledAsync(turn, cancellationToken);
    }

    public async Task MembersChangedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        string? teamId = activity.GetTeamsChannelData()?.Team?.Id;
        string? botId = activity.Recipient?.Id;
        ChannelAccount[] added = [.. (activity.MembersAdded ?? []).Where(m => m.Id != botId)];
        ChannelAccount[] removed = [.. (activity.MembersRemoved ?? []).Where(m => m.Id != botId)];
        if (teamId is null || added.Length + removed.Length == 0)
        {
            return;
        }

        IReadOnlyList<MemberKaart> teamKaarten = await index.ListByTeamAsync(teamId, cancellationToken);
        int notices = 0;
        foreach (MemberKaart entry in teamKaarten.Where(k => k.Status == KaartStatus.Actief))
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
                    changes.Add(MembershipTexts.Removed(professional.Naam));
                }
            }

            if (added.Length > 0)
            {
                changes.Add(MembershipTexts.Added(added.Length));
            }

            if (changes.Count == 0)
            {
                continue;   // a removal of someone who is not on this kaart does not concern it
            }

            string card = noticeCard.Build(kaart.Id, kaart.Casus, changes).ToJsonString();
            await relay.CommitAsync(kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card)]), cancellationToken);
            notices++;
        }

        logger.MembershipNotices(added.Length, removed.Length, notices);
    }

    public async Task UninstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.GetTeamsChannelData()?.Team?.Id is not { } teamId)
        {
            return;
        }

        IReadOnlyList<MemberKaart> kaarten = await index.ListByTeamAsync(teamId, cancellationToken);
        foreach (MemberKaart kaart in kaarten)
        {
            await reminders.CancelAsync(kaart.KaartId, null, cancellationToken);
        }

        logger.RemindersPaused(kaarten.Count);
    }

    public async Task ReinstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.GetTeamsChannelData()?.Team?.Id is not { } teamId)
        {
            return;
        }

        int resumed = 0;
        foreach (MemberKaart entry in (await index.ListByTeamAsync(teamId, cancellationToken)).Where(k => k.Status == KaartStatus.Actief))
        {
            if (await store.GetKaartAsync(entry.KaartId, cancellationToken) is { Status: KaartStatus.Actief } kaart
                && await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, cancellationToken) is { Status: ReminderStatus.Cancelled })
            {
                await scheduler.ScheduleEvaluationAsync(kaart, turn.Activity.Recipient?.Id, cancellationToken);
                resumed++;
            }
        }

        logger.RemindersResumed(resumed);
    }
}
