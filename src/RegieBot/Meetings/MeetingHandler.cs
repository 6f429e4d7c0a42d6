using RegieBot.Cards;
using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Meetings;

/// <summary>
/// The casusoverleg as a Teams channel meeting. Teams sends <c>application/vnd.microsoft.meetingStart</c> and
/// <c>…meetingEnd</c> events (with the resource-specific consent <c>ChannelMeeting.ReadBasic.Group</c>) for every
/// meeting in every channel of the team, in the meeting chat, which for a meeting started in a channel thread is
/// expected to be that thread. In a thread with a saved, active kaart the bot posts the kaart's essentials at the start
/// and asks at the end whether the agreements changed — through the outbox, recorded with the casus like any post.
/// Any other meeting (a thread without a kaart, a channel's own meeting chat, a scheduled meeting) gets nothing:
/// answering each of them, at every occurrence of a recurring one, would be noise.
/// </summary>
internal sealed class MeetingHandler(IKaartStore store, Outbox.OutboxRelay relay, MeetingCard cards, ILogger<MeetingHandler> logger) : IMeetingEvents
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        bool started = activity.Name == TeamsEventTypes.MeetingStart;
        string what = started ? "start" : "end";
        string? threadId = activity.Conversation?.Id;
        // Nothing documents where a channel meeting's events arrive: the shape (ids hashed) tells the first real tenant.
        logger.MeetingConversation(what, MeetingConversationShape.TypeOf(activity.Conversation?.ConversationType), MeetingConversationShape.Of(threadId));

        // Recognised by the thread's id alone (a channel id with ";messageid="), whatever conversationType the event carries.
        if (threadId is null || !threadId.Contains(";messageid=", StringComparison.Ordinal))
        {
            logger.MeetingIgnored(what, "not a channel thread");
            return;
        }

        ThreadKaart? thread = await store.FindByThreadAsync(threadId, cancellationToken);
        KaartSnapshot? snapshot = thread is { Saved: true } ? await store.GetSnapshotAsync(thread.KaartId, cancellationToken) : null;
        if (snapshot is not { Kaart: { Status: KaartStatus.Actief } kaart })
        {
            logger.MeetingIgnored(what, thread is null ? "no kaart" : "kaart not saved or closed");
            return;
        }

        string card = (started
            ? cards.Started(snapshot, Escalation.OpenOn(kaart, await store.GetEscalationsAsync(kaart.Id, cancellationToken)))
            : cards.Ended(kaart)).ToJsonString();
        await relay.CommitAsync(kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card)]), cancellationToken);
        logger.MeetingCardPosted(what, TurnKeyFactory.ForLog(kaart.Id));
    }
}
