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
/// <c>…meetingEnd</c> events (with the resource-specific consent of the manifest) in the meeting chat, which for a
/// meeting started in a channel thread is that thread. In a casus thread the bot posts the kaart's essentials at the
/// start and asks at the end whether the agreements changed — through the outbox, recorded with the casus like any
/// post; in a thread without a kaart it offers to start one (a plain reply, nothing stored). Meetings anywhere else
/// (a scheduled or instant meeting's own chat) are ignored.
/// </summary>
internal sealed class MeetingHandler(IKaartStore store, Outbox.OutboxRelay relay, MeetingCard cards, ILogger<MeetingHandler> logger) : IMeetingEvents
{

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Activity activity = turn.Activity;
        bool started = activity.Name == TeamsEventTypes.MeetingStart;
        string what = started ? "start" : "end";
        string? threadId = activity.Conversation?.Id;
        // Recognised by the thread's id alone (a channel id with ";messageid="), whatever conversationType the event carries.
        if (threadId is null || !threadId.Contains(";messageid=", StringComparison.Ordinal))
        {
            logger.MeetingIgnored(what, "not a channel thread");
            return;
        }

        ThreadKaart? thread = await store.FindByThreadAsync(threadId, cancellationToken);
        if (thread is null)
        {
            if (started)
            {
                await turn.SendPlainTextAsync(MeetingTexts.MeetingWithoutKaart, cancellationToken);
            }

            logger.MeetingIgnored(what, "no kaart");
            return;
        }

        KaartSnapshot? snapshot = thread.Saved ? await store.GetSnapshotAsync(thread.KaartId, cancellationToken) : null;
        if (snapshot is not { Kaart: { Status: KaartStatus.Actief } kaart })
        {
            logger.MeetingIgnored(what, "kaart not saved or closed");   // a dialog in progress or a closed casus: nothing to discuss on a card
            return;
        }

        string card = (started
            ? cards.Started(snapshot, Escalation.OpenOn(kaart, await store.GetEscalationsAsync(kaart.Id, cancellationToken)))
            : cards.Ended(kaart)).ToJsonString();
        await relay.CommitAsync(kaart.Id, token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card)]), cancellationToken);
        logger.MeetingCardPosted(what, TurnKeyFactory.ForLog(kaart.Id));
    }
}
